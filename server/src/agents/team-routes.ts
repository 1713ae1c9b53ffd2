/** Teams of an account: list, create and add members (administrators). */
import { AccountParams, EntityParams, TeamCreateRequest, TeamMemberRequest, TeamResponse, TeamsResponse } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest, conflict, notFound } from "../http/http-error.ts";
import { isUniqueViolation } from "./unique-violation.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

const PREFIX = "/api/v1/accounts/:accountId/teams";
const tags = ["teams"];

export async function teamRoutes(app: FastifyInstance, options: { access: MemberAccess }) {
  const { access } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(PREFIX, { schema: { tags, params: AccountParams, response: { 200: TeamsResponse, ...errors } }, onRequest: access() }, async (request) => ({
    teams: await agentOf(request).tenant.listTeams(),
  }));

  r.post(
    PREFIX,
    { schema: { tags, params: AccountParams, body: TeamCreateRequest, response: { 201: TeamResponse, ...errors } }, onRequest: access("administrator") },
    async (request, reply) => {
      const agent = agentOf(request);
      const team = await agent.tenant
        .transaction(async (t) => {
          const created = await t.createTeam(request.body);
          await t.appendAudit({ actorId: agent.userId, action: "team.create", entityType: "team", entityId: created.id, after: created });
          return created;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw conflict(`a team named '${request.body.name}' exists already: choose another name`);
          throw error;
        });
      return reply.code(201).send({ team });
    },
  );

  r.post(
    `${PREFIX}/:id/members`,
    {
      schema: { tags, params: EntityParams, body: TeamMemberRequest, response: { 204: z.null(), ...errors } },
      onRequest: access("administrator"),
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const { id } = request.params;
      const { userId } = request.body;
      await agent.tenant.transaction(async (t) => {
        if (!(await t.getTeam(id))) throw notFound(`team ${id} not found`);
        if (!(await t.getMembership(userId))) throw badRequest(`user ${userId} is not a member of this account: add one of the agents GET /agents lists`);
        if ((await t.listTeamMembers(id)).includes(userId)) return;
        await t.addTeamMember(id, userId);
        await t.appendAudit({ actorId: agent.userId, action: "team.member_add", entityType: "team", entityId: id, after: { userId } });
      });
      return reply.code(204).send(null);
    },
  );
}
