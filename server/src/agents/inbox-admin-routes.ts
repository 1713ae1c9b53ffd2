/** Web-channel inboxes of an account: list, create and configure (administrators), the snippet a
 * merchant pastes, and the identity-verification secret (shown on creation and on request only). */
import {
  AccountParams,
  EntityParams,
  type Inbox,
  InboxCreatedResponse,
  InboxCreateRequest,
  InboxesResponse,
  InboxResponse,
  InboxSecretResponse,
  InboxUpdateRequest,
  SnippetResponse,
} from "@hummdesk/shared";
import { buildSnippet } from "@hummdesk/widget/snippet";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { InboxCache } from "../cache/inbox-cache.ts";
import type { Config } from "../config.ts";
import { badRequest, notFound } from "../http/http-error.ts";
import { publicBaseUrl } from "../http/public-url.ts";
import type { TenantStores } from "../tenant/tenant-service.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

const PREFIX = "/api/v1/accounts/:accountId/inboxes";
const tags = ["inboxes"];

async function checkTeams(t: TenantStores, teamIds: number[] | undefined) {
  for (const teamId of teamIds ?? []) {
    if (!(await t.getTeam(teamId))) throw badRequest(`team ${teamId} does not exist in this account: use the ids GET /teams lists`);
  }
}

async function inboxOrNotFound(t: TenantStores, id: number): Promise<Inbox> {
  const inbox = await t.getInbox(id);
  if (!inbox) throw notFound(`inbox ${id} not found`);
  return inbox;
}

export async function inboxAdminRoutes(app: FastifyInstance, options: { access: MemberAccess; config: Config; inboxes?: InboxCache }) {
  const { access, config } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(PREFIX, { schema: { tags, params: AccountParams, response: { 200: InboxesResponse, ...errors } }, onRequest: access() }, async (request) => ({
    inboxes: await agentOf(request).tenant.listInboxes(),
  }));

  r.post(
    PREFIX,
    {
      schema: { tags, params: AccountParams, body: InboxCreateRequest, response: { 201: InboxCreatedResponse, ...errors } },
      onRequest: access("administrator"),
      bodyLimit: 32 * 1024,
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const { teamIds, ...fields } = request.body;
      const inbox = await agent.tenant.transaction(async (t) => {
        await checkTeams(t, teamIds);
        const created = await t.createInbox(fields, teamIds);
        const { hmacSecret: _secret, ...visible } = created;
        await t.appendAudit({ actorId: agent.userId, action: "inbox.create", entityType: "inbox", entityId: created.id, after: { ...visible, teamIds } });
        return created;
      });
      return reply.code(201).send({ inbox });
    },
  );

  r.patch(
    `${PREFIX}/:id`,
    {
      schema: { tags, params: EntityParams, body: InboxUpdateRequest, response: { 200: InboxResponse, ...errors } },
      onRequest: access("administrator"),
      bodyLimit: 32 * 1024,
    },
    async (request) => {
      const agent = agentOf(request);
      const { teamIds, ...patch } = request.body;
      const inbox = await agent.tenant.transaction(async (t) => {
        const before = await inboxOrNotFound(t, request.params.id);
        await checkTeams(t, teamIds);
        const updated = (await t.updateInbox(before.id, patch))!;
        if (teamIds) await t.setInboxTeams(before.id, teamIds);
        const fields = Object.keys(patch) as (keyof typeof patch)[];
        const pick = (inbox: Inbox) => Object.fromEntries(fields.map((key) => [key, inbox[key]]));
        await t.appendAudit({
          actorId: agent.userId,
          action: "inbox.update",
          entityType: "inbox",
          entityId: before.id,
          before: pick(before),
          after: { ...pick(updated), ...(teamIds ? { teamIds } : {}) },
        });
        return updated;
      });
      // This process's visitor API sees the change at once; other processes within INBOX_CACHE_TTL_MS.
      options.inboxes?.invalidate(inbox.id);
      return { inbox };
    },
  );

  r.get(
    `${PREFIX}/:id/snippet`,
    { schema: { tags, params: EntityParams, response: { 200: SnippetResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const inbox = await agentOf(request).tenant.getInbox(request.params.id);
      if (!inbox) throw notFound(`inbox ${request.params.id} not found`);
      // Only the token and the server's address: everything else comes from the inbox's saved look.
      return { snippet: buildSnippet({ baseUrl: publicBaseUrl(config, request), websiteToken: inbox.websiteToken }), websiteToken: inbox.websiteToken };
    },
  );

  r.get(
    `${PREFIX}/:id/secret`,
    { schema: { tags, params: EntityParams, response: { 200: InboxSecretResponse, ...errors } }, onRequest: access("administrator") },
    async (request) => {
      const agent = agentOf(request);
      const hmacSecret = await agent.tenant.transaction(async (t) => {
        const secret = await t.getInboxSecret(request.params.id);
        if (!secret) throw notFound(`inbox ${request.params.id} not found`);
        // Who looked at a secret is worth knowing when it leaks.
        await t.appendAudit({ actorId: agent.userId, action: "inbox.secret_view", entityType: "inbox", entityId: request.params.id });
        return secret;
      });
      return { hmacSecret };
    },
  );
}
