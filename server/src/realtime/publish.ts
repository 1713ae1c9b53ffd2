/** Publishing what a unit of work committed: builders of hub events that carry their rows, and
 * `publishAfterCommit`, which hands them to the hub's next batch without making the caller wait.
 *
 *   const result = await tenant.transaction((t) => ...);          // commit first
 *   publishAfterCommit(hub, [messageCreated(conversation, message, visitorId), ...]);
 *
 * or collect events during the unit of work in an `EventBuffer` and flush it after the commit. */
import type { Citation, Conversation, Message } from "@hummdesk/shared";
import type { HubEvent, RealtimeHub } from "./hub.ts";

export function messageCreated(conversation: Conversation, message: Message, visitorId: string | null): HubEvent {
  return messageEvent("message.created", conversation, message, visitorId);
}

export function messageUpdated(conversation: Conversation, message: Message, visitorId: string | null): HubEvent {
  return messageEvent("message.updated", conversation, message, visitorId);
}

function messageEvent(kind: "message.created" | "message.updated", conversation: Conversation, message: Message, visitorId: string | null): HubEvent {
  return {
    kind,
    accountId: conversation.accountId,
    inboxId: conversation.inboxId,
    conversationId: conversation.id,
    visitorId,
    messageId: message.id,
    private: message.private,
    message,
  };
}

export function conversationUpdated(conversation: Conversation, visitorId: string | null): HubEvent {
  return {
    kind: "conversation.updated",
    accountId: conversation.accountId,
    inboxId: conversation.inboxId,
    conversationId: conversation.id,
    visitorId,
    conversation,
  };
}

export function answerCompleted(
  conversation: Conversation,
  draft: { id: number; content: string; citations: Citation[] },
  visitorId: string | null,
  options: { messageId?: number; visitor: boolean },
): HubEvent {
  return {
    kind: "ai.answer.completed",
    accountId: conversation.accountId,
    inboxId: conversation.inboxId,
    conversationId: conversation.id,
    visitorId,
    draftId: draft.id,
    ...(options.messageId ? { messageId: options.messageId } : {}),
    visitor: options.visitor,
    draft: { content: draft.content, citations: draft.citations },
  };
}

/** Publishes events of a committed unit of work in the hub's next batch. Never awaited on a
 * request path: a failure is logged by the hub, and sockets that missed an event resume. */
export function publishAfterCommit(hub: RealtimeHub, events: readonly HubEvent[]): void {
  if (events.length === 0) return;
  hub.publish(events).catch(() => {});
}

/** Events collected during one unit of work; `flush` them after the commit (never inside). */
export class EventBuffer {
  private events: HubEvent[] = [];

  add(...events: HubEvent[]): void {
    this.events.push(...events);
  }

  flush(hub: RealtimeHub): void {
    const events = this.events;
    this.events = [];
    publishAfterCommit(hub, events);
  }
}
