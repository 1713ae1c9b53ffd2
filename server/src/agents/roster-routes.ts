/** The account's agents with their load and the teams' availability, and an agent setting their
 * own availability (which lets routing hand waiting conversations to whoever came online). */
import { AccountParams, AgentResponse, AgentsResponse, type Availability, AvailabilityRequest } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

export type AvailabilityChangedHook = (accountId: number, userId: number, availability: Availability) => void | Promise<void>;

const PREFIX = "/api/v1/accounts/:accountId/agents";
const tags = ["agents"];

export async function rosterRoutes(app: FastifyInstance, options: { access: MemberAccess; onAvailabilityChanged?: AvailabilityChangedHook | undefined }) {
  const { access, onAvailabilityChanged } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(PREFIX, { schema: { tags, params: AccountParams, response: { 200: AgentsResponse, ...errors } }, onRequest: access() }, async (request) =>
    agentOf(request).tenant.transaction(async (t) => ({ agents: await t.listAgents(), teams: await t.getTeamsAvailability() })),
  );

  r.put(
    `${PREFIX}/me/availability`,
    { schema: { tags, params: AccountParams, body: AvailabilityRequest, response: { 200: AgentResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const { accountId, userId, tenant } = agentOf(request);
      const { availability } = request.body;
      const { agent, before } = await tenant.transaction(async (t) => {
        const current = (await t.getAgent(userId))!;
        if (current.availability === availability) return { agent: current, before: availability };
        await t.setAvailability(userId, availability);
        await t.appendAudit({
          actorId: userId,
          action: "agent.availability",
          entityType: "agent",
          entityId: userId,
          before: { availability: current.availability },
          after: { availability },
        });
        return { agent: (await t.getAgent(userId))!, before: current.availability };
      });
      if (before !== availability && onAvailabilityChanged) {
        // The change has committed: a failing hook is logged, never turned into a failed request.
        await Promise.resolve()
          .then(() => onAvailabilityChanged(accountId, userId, availability))
          .catch((error: unknown) => request.log.warn({ err: error as Error }, "onAvailabilityChanged failed"));
      }
      return { agent };
    },
  );
}
