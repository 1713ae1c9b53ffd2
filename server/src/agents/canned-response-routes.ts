/** Canned responses: every agent reads them and inserts one with `/shortCode`; supervisors and
 * administrators write them. A short code is unique per account (a second one is a 409). */
import {
  AccountParams,
  type CannedResponse,
  CannedResponseCreateRequest,
  CannedResponseResponse,
  CannedResponsesResponse,
  CannedResponseUpdateRequest,
  EntityParams,
} from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { conflict, notFound } from "../http/http-error.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";
import { isUniqueViolation } from "./unique-violation.ts";

const PREFIX = "/api/v1/accounts/:accountId/canned-responses";
const tags = ["canned responses"];
const missing = (id: number) => notFound(`canned response ${id} not found`);

/** A duplicate short code as a 409 the agent can act on. */
async function uniqueCode<T>(shortCode: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`the short code /${shortCode ?? ""} is taken: pick another or edit the existing response`);
    throw error;
  }
}

export async function cannedResponseRoutes(app: FastifyInstance, options: { access: MemberAccess }) {
  const { access } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(PREFIX, { schema: { tags, params: AccountParams, response: { 200: CannedResponsesResponse, ...errors } }, onRequest: access() }, async (request) => ({
    cannedResponses: await agentOf(request).tenant.listCannedResponses(),
  }));

  r.post(
    PREFIX,
    { schema: { tags, params: AccountParams, body: CannedResponseCreateRequest, response: { 201: CannedResponseResponse, ...errors } }, onRequest: access("supervisor") },
    async (request, reply) => {
      const agent = agentOf(request);
      const cannedResponse = await uniqueCode(request.body.shortCode, () =>
        agent.tenant.transaction(async (t) => {
          const created = await t.createCannedResponse(request.body);
          await t.appendAudit({ actorId: agent.userId, action: "canned_response.create", entityType: "canned_response", entityId: created.id, after: created });
          return created;
        }),
      );
      return reply.code(201).send({ cannedResponse });
    },
  );

  r.patch(
    `${PREFIX}/:id`,
    { schema: { tags, params: EntityParams, body: CannedResponseUpdateRequest, response: { 200: CannedResponseResponse, ...errors } }, onRequest: access("supervisor") },
    async (request) => {
      const agent = agentOf(request);
      const cannedResponse = await uniqueCode(request.body.shortCode, () =>
        agent.tenant.transaction(async (t) => {
          const before = await t.getCannedResponse(request.params.id);
          if (!before) throw missing(request.params.id);
          const updated = (await t.updateCannedResponse(before.id, request.body))!;
          const pick = (c: CannedResponse) => ({ shortCode: c.shortCode, content: c.content });
          await t.appendAudit({ actorId: agent.userId, action: "canned_response.update", entityType: "canned_response", entityId: before.id, before: pick(before), after: pick(updated) });
          return updated;
        }),
      );
      return { cannedResponse };
    },
  );

  r.delete(
    `${PREFIX}/:id`,
    { schema: { tags, params: EntityParams, response: { 204: z.null(), ...errors } }, onRequest: access("supervisor") },
    async (request, reply) => {
      const agent = agentOf(request);
      await agent.tenant.transaction(async (t) => {
        const before = await t.getCannedResponse(request.params.id);
        if (!before || !(await t.deleteCannedResponse(before.id))) throw missing(request.params.id);
        await t.appendAudit({ actorId: agent.userId, action: "canned_response.delete", entityType: "canned_response", entityId: before.id, before });
      });
      return reply.code(204).send(null);
    },
  );
}
