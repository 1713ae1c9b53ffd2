/** Builders of hub events for what a unit of work committed (published after the commit). */
import type { Conversation, Message } from "@hummdesk/shared";
import type { HubEvent } from "./hub.ts";

export function messageCreated(conversation: Conversation, message: Message, visitorId: string | null): HubEvent {
  return {
    kind: "message.created",
    accountId: conversation.accountId,
    conversationId: conversation.id,
    visitorId,
    messageId: message.id,
    private: message.private,
  };
}

export function conversationUpdated(conversation: Conversation, visitorId: string | null): HubEvent {
  return { kind: "conversation.updated", accountId: conversation.accountId, conversationId: conversation.id, visitorId };
}
