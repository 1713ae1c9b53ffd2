/** When an account's AI budget is spent: no AI runs for the message; its conversation is handed to
 * people the way a visitor's own request is (AI answers stop, the visitor hears once that a person
 * will reply, the team sees why, the conversation is routed). */
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/client.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { conversationUpdated, messageCreated } from "../realtime/publish.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import type { BudgetVerdict } from "./ai-budget.ts";
import { systemText } from "../inbox/system-texts.ts";
import { assertFence, type ClaimedJob } from "./jobs.ts";
import { routeConversation } from "./route-conversation.ts";

const REASONS: Record<Exclude<BudgetVerdict, "ok">, string> = {
  jobs_per_minute: "AI paused in this conversation: the account's AI budget of jobs per minute is spent (HUMMDESK_AI_JOBS_PER_MINUTE).",
  tokens_per_day: "AI paused in this conversation: the account's AI budget of model tokens for today is spent (HUMMDESK_AI_TOKENS_PER_DAY).",
};

export async function handOffOverBudget(ctx: { db: Database; hub: RealtimeHub; log: FastifyBaseLogger }, job: ClaimedJob, verdict: Exclude<BudgetVerdict, "ok">): Promise<void> {
  const tenant = createTenantService(ctx.db, job.accountId);
  const result = await tenant.transaction(async (t) => {
    await assertFence(t.executor, job);
    const message = await t.getMessage(Number(job.payload.messageId));
    if (message?.senderType !== "contact") return null;
    const conversation = await t.getConversation(message.conversationId);
    const inbox = conversation ? await t.getInbox(conversation.inboxId) : null;
    // Already with people: nothing new to say (a flood gets one notice, not one per message).
    if (!conversation || !inbox || conversation.handoffRequested) return null;
    const updated = (await t.updateConversation(conversation.id, { handoffRequested: true, aiEnabled: false }))!;
    const notes = [];
    if (inbox.aiMode === "auto_reply") {
      const text = systemText("aiHandoff", conversation.language, inbox.locale);
      notes.push(await t.createMessage({ conversationId: conversation.id, senderType: "system", messageType: "activity", content: text, clientMessageId: `handoff-${message.id}` }));
    }
    notes.push(
      await t.createMessage({ conversationId: conversation.id, senderType: "system", messageType: "note", private: true, content: REASONS[verdict], clientMessageId: `ai-budget-${message.id}` }),
    );
    return { conversation: updated, notes, visitorId: await t.getContactVisitor(conversation.contactId) };
  });
  if (!result) return;
  ctx.log.warn({ accountId: job.accountId, conversationId: result.conversation.id, budget: verdict }, "AI budget spent: conversation handed to people");
  for (const note of result.notes) if (note.created) await ctx.hub.publish(messageCreated(result.conversation, note.message, result.visitorId));
  const routed = await routeConversation(ctx.db, job.accountId, result.conversation.id, result.conversation.category);
  await ctx.hub.publish(conversationUpdated(routed ?? result.conversation, result.visitorId));
}
