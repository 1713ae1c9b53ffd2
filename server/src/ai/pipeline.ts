/** The AI job for one visitor message: classify -> route -> draft (streamed, grounded, cited) ->
 * in auto_reply, answer the visitor. Every write checks the job's fence; a retried job reuses the
 * message's one draft. */
import type { Conversation, Inbox, Message, Priority } from "@hummdesk/shared";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/client.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { answerCompleted, conversationUpdated, messageCreated } from "../realtime/publish.ts";
import { createTenantService, type TenantService } from "../tenant/tenant-service.ts";
import { failedText, handoffText } from "./handoff-text.ts";
import { assertFence, type ClaimedJob } from "./jobs.ts";
import type { AIProvider, ClassificationResult } from "./provider.ts";
import { retrievePassages } from "./retrieve-passages.ts";
import { routeConversation } from "./route-conversation.ts";

/** Below this confidence the AI does not answer the visitor on its own. */
export const MIN_CONFIDENCE = 0.35;
const PRIORITY_RANK: Record<Priority, number> = { low: 0, medium: 1, high: 2, urgent: 3 };

export interface PipelineContext {
  db: Database;
  hub: RealtimeHub;
  log: FastifyBaseLogger;
}

interface Loaded {
  tenant: TenantService;
  message: Message;
  conversation: Conversation;
  inbox: Inbox;
  visitorId: string | null;
  accountName: string;
}

async function load(ctx: PipelineContext, job: ClaimedJob): Promise<Loaded | null> {
  const tenant = createTenantService(ctx.db, job.accountId);
  const messageId = Number(job.payload.messageId);
  return tenant.transaction(async (t) => {
    const message = await t.getMessage(messageId);
    if (!message) return null;
    const conversation = await t.getConversation(message.conversationId);
    const inbox = conversation ? await t.getInbox(conversation.inboxId) : null;
    if (!conversation || !inbox) return null;
    const visitorId = await t.getContactVisitor(conversation.contactId);
    const accountName = (await t.getAccount())?.name ?? "";
    return { tenant, message, conversation, inbox, visitorId, accountName };
  });
}

async function classify(ctx: PipelineContext, job: ClaimedJob, provider: AIProvider, l: Loaded): Promise<{ result: ClassificationResult; conversation: Conversation }> {
  const history = (await l.tenant.getConversationMessages(l.conversation.id))
    .filter((m) => m.senderType === "contact" && m.id < l.message.id)
    .map((m) => m.content)
    .slice(-5);
  const started = Date.now();
  const result = await provider.classify({ text: l.message.content, history, fallbackLanguage: l.inbox.locale });
  const latencyMs = Date.now() - started;
  const conversation = await l.tenant.transaction(async (t) => {
    await assertFence(t.executor, job);
    await t.saveAIClassification({
      conversationId: l.conversation.id,
      messageId: l.message.id,
      language: result.language,
      category: result.category,
      priority: result.priority,
      sentiment: result.sentiment,
      confidence: result.confidence,
      model: `${provider.name}:${provider.model}`,
      latencyMs,
    });
    const current = (await t.getConversation(l.conversation.id))!;
    const priority = PRIORITY_RANK[result.priority] > PRIORITY_RANK[current.priority] ? result.priority : current.priority;
    // A higher priority tightens the first-reply target, unless the visitor already has a reply.
    const sla = priority !== current.priority && !current.firstRepliedAt ? (await t.listSLAPolicies()).find((p) => p.priority === priority) : undefined;
    const handoff = result.handoffRequested || result.confidence < MIN_CONFIDENCE || result.sentiment === "negative";
    return (await t.updateConversation(l.conversation.id, {
      language: result.language,
      category: result.category,
      sentiment: result.sentiment,
      aiConfidence: result.confidence,
      priority,
      ...(sla ? { firstReplyDueAt: new Date(Date.parse(current.createdAt) + sla.firstResponseMinutes * 60_000).toISOString() } : {}),
      ...(handoff && !current.handoffRequested ? { handoffRequested: true, aiEnabled: false } : {}),
    }))!;
  });
  await ctx.hub.publish(conversationUpdated(conversation, l.visitorId));
  return { result, conversation };
}

/** Tells the visitor (once) that a person takes over, and the team through the conversation. */
async function announceHandoff(ctx: PipelineContext, job: ClaimedJob, l: Loaded, conversation: Conversation, text: string) {
  const { message, created } = await l.tenant.transaction(async (t) => {
    await assertFence(t.executor, job);
    return t.createMessage({
      conversationId: conversation.id,
      senderType: "system",
      messageType: "activity",
      content: text,
      clientMessageId: `handoff-${l.message.id}`,
    });
  });
  if (created) await ctx.hub.publish(messageCreated(conversation, message, l.visitorId));
}

export async function processMessageJob(ctx: PipelineContext, job: ClaimedJob, provider: AIProvider): Promise<void> {
  const l = await load(ctx, job);
  if (l?.message.senderType !== "contact") return;
  const existingDraft = await l.tenant.getLatestDraft(l.conversation.id);
  const finished = existingDraft?.messageId === l.message.id && existingDraft.status !== "streaming";
  if (finished) return;

  const { result, conversation: classified } = await classify(ctx, job, provider, l);
  let conversation = classified;
  if (conversation.assigneeId === null) {
    const routed = await routeConversation(ctx.db, job.accountId, conversation.id, result.category);
    if (routed) {
      conversation = routed;
      await ctx.hub.publish(conversationUpdated(routed, l.visitorId));
    }
  }
  const handedOff = conversation.handoffRequested && !l.conversation.handoffRequested;
  if (handedOff && l.inbox.aiMode === "auto_reply") await announceHandoff(ctx, job, l, conversation, handoffText(result.language, l.inbox.locale));
  if (l.inbox.aiMode === "off") return;

  const toVisitor = l.inbox.aiMode === "auto_reply" && conversation.aiEnabled;
  await streamDraft(ctx, job, provider, l, conversation, result, toVisitor);
}

async function streamDraft(
  ctx: PipelineContext,
  job: ClaimedJob,
  provider: AIProvider,
  l: Loaded,
  conversation: Conversation,
  result: ClassificationResult,
  toVisitor: boolean,
) {
  const passages = await retrievePassages(l.tenant, provider, ctx.log, l.message.content, result.language, { category: result.category });
  const history = (await l.tenant.getConversationMessages(conversation.id))
    .filter((m) => m.id < l.message.id && m.messageType !== "activity")
    .slice(-8)
    .map((m) => ({ role: m.senderType === "contact" ? ("visitor" as const) : m.senderType === "ai" ? ("ai" as const) : ("agent" as const), content: m.content }));
  const { draft } = await l.tenant.transaction(async (t) => {
    await assertFence(t.executor, job);
    const saved = await t.saveAIDraft({ conversationId: conversation.id, messageId: l.message.id, model: `${provider.name}:${provider.model}` });
    // A retried job restarts the same draft from the beginning.
    if (!saved.created) await t.updateDraft(saved.draft.id, { content: "", status: "streaming" });
    return saved;
  });

  const answer = await provider.draft({ question: l.message.content, language: result.language, passages, history, accountName: l.accountName });
  let text = "";
  let pending = "";
  let index = 0;
  let lastFlush = Date.now();
  const flush = async () => {
    if (!pending) return;
    const chunk = pending;
    pending = "";
    lastFlush = Date.now();
    await ctx.hub.publish({
      kind: "ai.answer.delta",
      accountId: job.accountId,
      inboxId: conversation.inboxId,
      conversationId: conversation.id,
      visitorId: l.visitorId,
      draftId: draft.id,
      index: index++,
      text: chunk,
      visitor: toVisitor,
    });
  };
  for await (const piece of answer.stream) {
    text += piece;
    pending += piece;
    // The first piece goes out at once; later ones are batched a little: small enough to feel
    // live, far below NOTIFY's 8 kB.
    if (index === 0 || pending.length >= 400 || Date.now() - lastFlush >= 30) await flush();
  }
  await flush();

  const final = await l.tenant.transaction(async (t) => {
    await assertFence(t.executor, job);
    const sent = toVisitor
      ? await t.createMessage({
          conversationId: conversation.id,
          senderType: "ai",
          senderName: `${l.accountName} AI`,
          messageType: "outgoing",
          content: text,
          citations: answer.citations,
          clientMessageId: `ai-draft-${draft.id}`,
        })
      : null;
    const updated = await t.updateDraft(draft.id, {
      content: text,
      citations: answer.citations,
      status: "ready",
      sentMessageId: sent?.message.id ?? null,
    });
    const touched = sent ? await t.updateConversation(conversation.id, { lastActivityAt: sent.message.createdAt }) : null;
    return { updated, sent, touched };
  });
  if (final.sent?.created) await ctx.hub.publish(messageCreated(conversation, final.sent.message, l.visitorId));
  if (final.touched) await ctx.hub.publish(conversationUpdated(final.touched, l.visitorId));
  await ctx.hub.publish(
    answerCompleted(conversation, { id: draft.id, content: text, citations: answer.citations }, l.visitorId, {
      ...(final.sent ? { messageId: final.sent.message.id } : {}),
      visitor: toVisitor,
    }),
  );
}

/** After the last failed attempt: the draft is marked failed and nobody is left waiting silently. */
export async function failVisibly(ctx: PipelineContext, job: ClaimedJob): Promise<void> {
  const l = await load(ctx, job);
  if (!l) return;
  const { conversation, note } = await l.tenant.transaction(async (t) => {
    const draft = await t.getLatestDraft(l.conversation.id);
    if (draft?.messageId === l.message.id && draft.status === "streaming") await t.updateDraft(draft.id, { status: "failed" });
    const updated = await t.updateConversation(l.conversation.id, { handoffRequested: true, aiEnabled: false });
    // The visitor hears about it only where the AI was answering them; agents always see it.
    const visible = l.inbox.aiMode === "auto_reply";
    const { message, created } = await t.createMessage({
      conversationId: l.conversation.id,
      senderType: "system",
      messageType: visible ? "activity" : "note",
      private: !visible,
      content: failedText(l.conversation.language, l.inbox.locale),
      clientMessageId: `ai-failed-${l.message.id}`,
    });
    return { conversation: updated!, note: created ? message : null };
  });
  if (note) await ctx.hub.publish(messageCreated(conversation, note, l.visitorId));
  await ctx.hub.publish(conversationUpdated(conversation, l.visitorId));
}
