/** What an agent does to a conversation (reply, note, assign, status, priority, read), each inside
 * the caller's unit of work with its audit entry; the hub events it returns are published by the
 * caller once the transaction has committed. */
import type { Citation, Conversation, ConversationStatus, Message, Priority } from "@hummdesk/shared";
import { badRequest, notFound } from "../http/http-error.ts";
import type { HubEvent } from "../realtime/hub.ts";
import { conversationUpdated, messageCreated } from "../realtime/publish.ts";
import type { ConversationPatch } from "../tenant/conversation-store.ts";
import { storedAttachment } from "../tenant/attachment-row-store.ts";
import type { TenantStores } from "../tenant/tenant-service.ts";
import { type ActivityCode, recordActivity } from "./activity.ts";
import { firstReplyDueAt } from "./first-reply-due.ts";

export interface ConversationChange {
  conversation: Conversation;
  /** To publish after the commit. */
  events: HubEvent[];
}

export interface ReplyInput {
  content: string;
  private: boolean;
  clientMessageId?: string | undefined;
  citations?: Citation[];
  /** A file this agent uploaded and has not sent yet. */
  attachmentId?: string | undefined;
}

async function lock(t: TenantStores, conversationId: number) {
  const locked = await t.lockConversation(conversationId);
  if (!locked) throw notFound(`conversation ${conversationId} not found`);
  return locked;
}

/** Applies a patch (nothing when it changes nothing) and audits the visible fields it changed. */
async function applyPatch(t: TenantStores, actorId: number, action: string, conversation: Conversation, patch: ConversationPatch): Promise<ConversationChange> {
  if (Object.keys(patch).length === 0) return { conversation, events: [] };
  const updated = (await t.updateConversation(conversation.id, patch))!;
  const fields = Object.keys(patch).filter((key): key is keyof Conversation => key in conversation);
  const pick = (c: Conversation) => Object.fromEntries(fields.map((key) => [key, c[key]]));
  await t.appendAudit({ actorId, action, entityType: "conversation", entityId: conversation.id, before: pick(conversation), after: pick(updated) });
  return { conversation: updated, events: [conversationUpdated(updated, await t.getContactVisitor(updated.contactId))] };
}

/** An agent's reply (to the visitor) or private note (to colleagues only). A reply counts as the
 * first reply, clears the unread count, reopens a resolved conversation and stops the AI's
 * auto-replies. The same
 * clientMessageId again returns the stored message and changes nothing. */
export async function sendReply(
  t: TenantStores,
  actorId: number,
  conversationId: number,
  input: ReplyInput,
): Promise<ConversationChange & { message: Message; created: boolean }> {
  const { conversation, firstRepliedAt } = await lock(t, conversationId);
  const agent = await t.getAgent(actorId);
  const uploader = { type: "agent" as const, id: String(actorId) };
  const file = input.attachmentId ? await t.unclaimedAttachment(input.attachmentId, uploader) : null;
  // A retry of a sent reply finds its message (and the file already on it) below.
  if (input.attachmentId && !file && !(input.clientMessageId && (await t.findMessageByClientId(conversationId, input.clientMessageId)))) {
    throw notFound("no such attachment of yours waiting to be sent: upload it with POST …/attachments");
  }
  const { message, created } = await t.createMessage({
    conversationId,
    senderType: "agent",
    senderId: actorId,
    senderName: agent?.name ?? null,
    messageType: input.private ? "note" : "outgoing",
    private: input.private,
    content: input.content,
    clientMessageId: input.clientMessageId ?? null,
    citations: input.citations ?? [],
    ...(file ? { meta: { attachment: storedAttachment(file) } } : {}),
  });
  if (!created) return { message, created, conversation, events: [] };
  if (file) await t.claimAttachment(file.publicId, uploader, { conversationId, messageId: message.id });
  await t.appendAudit({
    actorId,
    action: message.private ? "conversation.note" : "conversation.reply",
    entityType: "message",
    entityId: message.id,
    after: { conversationId },
  });
  const visitorId = await t.getContactVisitor(conversation.contactId);
  // A note changes nothing the visitor could notice, not even the conversation's activity time.
  if (message.private) return { message, created, conversation, events: [messageCreated(conversation, message, visitorId)] };

  // The agent answered in person: any AI draft still waiting is no longer an action.
  await t.supersedeDrafts(conversationId);
  const reopen = conversation.status === "resolved";
  const updated = (await t.updateConversation(conversationId, {
    lastActivityAt: message.createdAt,
    unreadCount: 0,
    ...(firstRepliedAt ? {} : { firstRepliedAt: message.createdAt }),
    ...(reopen ? { status: "open" as const, resolvedAt: null } : {}),
    // A person has taken over: the AI stops answering the visitor (it still drafts for agents).
    ...(conversation.aiEnabled ? { aiEnabled: false } : {}),
  }))!;
  const events = [messageCreated(updated, message, visitorId), conversationUpdated(updated, visitorId)];
  if (reopen) {
    await t.appendAudit({ actorId, action: "conversation.status", entityType: "conversation", entityId: conversationId, before: { status: "resolved" }, after: { status: "open" } });
    events.unshift((await recordActivity(t, updated, "conversation.reopened", { actor: agent?.name ?? null })).event);
  }
  return { message, created, conversation: updated, events };
}

/** Assigns an agent and/or a team; null unassigns. The agent must be a member, the team must exist. */
export async function assignConversation(
  t: TenantStores,
  actorId: number,
  conversationId: number,
  target: { assigneeId?: number | null | undefined; teamId?: number | null | undefined },
): Promise<ConversationChange> {
  const { conversation } = await lock(t, conversationId);
  if (target.assigneeId != null && !(await t.getMembership(target.assigneeId))) {
    throw badRequest(`user ${target.assigneeId} is not a member of this account: assign one of the agents GET /agents lists`);
  }
  if (target.teamId != null && !(await t.getTeam(target.teamId))) {
    throw badRequest(`team ${target.teamId} does not exist in this account: assign one of the teams GET /teams lists`);
  }
  const patch: ConversationPatch = {};
  if (target.assigneeId !== undefined && target.assigneeId !== conversation.assigneeId) patch.assigneeId = target.assigneeId;
  if (target.teamId !== undefined && target.teamId !== conversation.teamId) patch.teamId = target.teamId;
  if (patch.assigneeId) await t.recordAssignment(patch.assigneeId);
  const change = await applyPatch(t, actorId, "conversation.assign", conversation, patch);
  const actor = (await t.getAgent(actorId))?.name ?? null;
  if (patch.assigneeId !== undefined) {
    const assignee = patch.assigneeId === null ? null : ((await t.getAgent(patch.assigneeId))?.name ?? null);
    const code = patch.assigneeId === null ? "conversation.unassigned" : "conversation.assigned";
    change.events.push((await recordActivity(t, change.conversation, code, { actor, assignee })).event);
  }
  if (patch.teamId !== undefined) {
    const team = patch.teamId === null ? null : ((await t.getTeam(patch.teamId))?.name ?? null);
    change.events.push((await recordActivity(t, change.conversation, "conversation.team_changed", { actor, team })).event);
  }
  return change;
}

/** The activity line a status change writes. */
function statusActivity(from: ConversationStatus, to: ConversationStatus): ActivityCode {
  if (to === "resolved") return "conversation.resolved";
  if (to === "pending") return "conversation.pending";
  if (to === "snoozed") return "conversation.snoozed";
  return from === "resolved" ? "conversation.reopened" : "conversation.opened";
}

/** Changes the status; resolving stamps resolvedAt, leaving resolved clears it; snoozing keeps
 * the time it wakes (a visitor message wakes it earlier). Each change leaves an activity line. */
export async function setConversationStatus(
  t: TenantStores,
  actorId: number,
  conversationId: number,
  status: ConversationStatus,
  snoozedUntil?: string | undefined,
): Promise<ConversationChange> {
  const { conversation } = await lock(t, conversationId);
  const until = status === "snoozed" ? (snoozedUntil ? new Date(snoozedUntil).toISOString() : null) : null;
  if (until !== null && Date.parse(until) <= Date.now()) throw badRequest("snoozedUntil must be in the future");
  const patch: ConversationPatch = {};
  if (status !== conversation.status) Object.assign(patch, { status, resolvedAt: status === "resolved" ? new Date().toISOString() : null });
  if (until !== (conversation.snoozedUntil ?? null)) patch.snoozedUntil = until;
  if (status === "resolved" && patch.status) await t.supersedeDrafts(conversationId);
  const change = await applyPatch(t, actorId, "conversation.status", conversation, patch);
  if (patch.status || patch.snoozedUntil) {
    const actor = (await t.getAgent(actorId))?.name ?? null;
    change.events.push((await recordActivity(t, change.conversation, statusActivity(conversation.status, status), { actor, until })).event);
  }
  return change;
}

/** Wakes a snoozed conversation whose time has passed (the snooze sweep calls it): back to open,
 * with the activity line and audit entry a wake leaves; null when there is nothing to wake (not
 * snoozed any more, not due yet, or woken already by another node). */
export async function wakeSnoozedConversation(t: TenantStores, conversationId: number): Promise<ConversationChange | null> {
  const woken = await t.wakeSnoozedConversation(conversationId);
  if (!woken) return null;
  // No person did it: the audit entry and the activity line carry no actor.
  await t.appendAudit({ actorId: null, action: "conversation.status", entityType: "conversation", entityId: conversationId, before: { status: "snoozed" }, after: { status: "open" } });
  const activity = await recordActivity(t, woken, "conversation.snooze_ended", {});
  return { conversation: woken, events: [conversationUpdated(woken, await t.getContactVisitor(woken.contactId)), activity.event] };
}

/** Changes the priority; until the first reply, the first-reply deadline follows the new priority's SLA. */
export async function setConversationPriority(t: TenantStores, actorId: number, conversationId: number, priority: Priority): Promise<ConversationChange> {
  const { conversation, firstRepliedAt } = await lock(t, conversationId);
  if (priority === conversation.priority) return { conversation, events: [] };
  const patch: ConversationPatch = { priority };
  if (!firstRepliedAt) patch.firstReplyDueAt = firstReplyDueAt(conversation.createdAt, priority, await t.listSLAPolicies());
  return applyPatch(t, actorId, "conversation.priority", conversation, patch);
}

/** Marks the conversation read by the agents (unread count 0). */
export async function markConversationRead(t: TenantStores, actorId: number, conversationId: number): Promise<ConversationChange> {
  const { conversation } = await lock(t, conversationId);
  return applyPatch(t, actorId, "conversation.read", conversation, conversation.unreadCount === 0 ? {} : { unreadCount: 0 });
}
