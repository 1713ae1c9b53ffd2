/** Routing with the database: category -> team (the account's mapping), then the least-loaded
 * available agent from get_available_agents. Routings of one account are serialised by an
 * advisory lock, so load is counted atomically and no agent is filled past capacity. */
import type { AICategory, Conversation } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { conversationUpdated } from "../realtime/publish.ts";
import { createTenantService, type TenantStores } from "../tenant/tenant-service.ts";
import { chooseAgent, chooseTeam } from "./routing.ts";

async function lockRouting(t: TenantStores, accountId: number) {
  await t.executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`route:${accountId}`}))`);
}

/** Routes one unassigned conversation inside a transaction; returns it when something changed. */
export async function routeConversation(db: Database, accountId: number, conversationId: number, category: AICategory | null): Promise<Conversation | null> {
  const tenant = createTenantService(db, accountId);
  return tenant.transaction(async (t) => {
    await lockRouting(t, accountId);
    const conversation = await t.getConversation(conversationId);
    if (!conversation || conversation.assigneeId !== null || conversation.status === "resolved") return null;
    const account = await t.getAccount();
    const teams = await t.listTeams();
    const teamId = conversation.teamId ?? chooseTeam(category ?? "other", account?.settings.categoryTeams ?? {}, teams);
    const candidates = await t.getAvailableAgents(teamId);
    const assigneeId = chooseAgent(candidates.map((c) => ({ ...c, availability: "online" as const })));
    if (teamId === conversation.teamId && assigneeId === null) return null;
    const updated = await t.updateConversation(conversationId, { teamId, assigneeId });
    if (assigneeId !== null) await t.recordAssignment(assigneeId);
    await t.appendAudit({
      actorId: null,
      action: "conversation.route",
      entityType: "conversation",
      entityId: conversationId,
      before: { teamId: conversation.teamId, assigneeId: conversation.assigneeId },
      after: { teamId, assigneeId },
    });
    return updated;
  });
}

/** Re-routes the account's waiting (unassigned, open) conversations, oldest first, e.g. when an
 * agent comes online. */
export async function routeWaiting(db: Database, hub: RealtimeHub, accountId: number): Promise<number> {
  const tenant = createTenantService(db, accountId);
  const waiting = (await tenant.listConversations({ assigneeId: "none", status: "open", limit: 100 })).conversations.reverse();
  let routed = 0;
  for (const conversation of waiting) {
    const updated = await routeConversation(db, accountId, conversation.id, conversation.category);
    if (updated?.assigneeId) {
      routed++;
      await hub.publish(conversationUpdated(updated, await tenant.getContactVisitor(updated.contactId)));
    }
  }
  return routed;
}
