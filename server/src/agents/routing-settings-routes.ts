/** Which team gets each AI category (`categoryTeams`); a category left out is routed by the
 * teams' own category lists. Everyone reads it, administrators change it. */
import { AccountParams, type AICategory, RoutingSettings } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { badRequest } from "../http/http-error.ts";
import type { TenantStores } from "../tenant/tenant-service.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

const PATH = "/api/v1/accounts/:accountId/settings/routing";
const tags = ["settings"];

async function categoryTeams(t: TenantStores): Promise<Partial<Record<AICategory, number>>> {
  return ((await t.getAccount())?.settings.categoryTeams ?? {}) as Partial<Record<AICategory, number>>;
}

export async function routingSettingsRoutes(app: FastifyInstance, options: { access: MemberAccess }) {
  const { access } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(PATH, { schema: { tags, params: AccountParams, response: { 200: RoutingSettings, ...errors } }, onRequest: access() }, async (request) => ({
    categoryTeams: await agentOf(request).tenant.transaction(categoryTeams),
  }));

  r.put(
    PATH,
    { schema: { tags, params: AccountParams, body: RoutingSettings, response: { 200: RoutingSettings, ...errors } }, onRequest: access("administrator") },
    async (request) => {
      const agent = agentOf(request);
      const next = request.body.categoryTeams;
      return agent.tenant.transaction(async (t) => {
        const teamIds = new Set((await t.listTeams()).map((team) => team.id));
        for (const [category, teamId] of Object.entries(next)) {
          if (teamId !== undefined && !teamIds.has(teamId)) throw badRequest(`categoryTeams.${category}: team ${teamId} does not exist in this account`);
        }
        const before = await categoryTeams(t);
        await t.updateAccountSettings({ categoryTeams: next });
        await t.appendAudit({
          actorId: agent.userId,
          action: "settings.routing",
          entityType: "account",
          entityId: agent.accountId,
          before: { categoryTeams: before },
          after: { categoryTeams: next },
        });
        return { categoryTeams: next };
      });
    },
  );
}
