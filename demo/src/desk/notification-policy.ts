/** Whether a message arriving on the desk's socket deserves a beep and a desktop notification, and
 * what that notification says. Pure: the desk gives it what it knows, it answers. */
import type { Message } from "@hummdesk/shared";

/** A socket resume replays what was missed; anything older than this is history, not news. */
export const FRESH_FOR_MS = 60_000;
/** A conversation is created with its first message; a message this close to that is its start. */
export const NEW_CONVERSATION_MS = 5_000;
const BODY_LENGTH = 140;

export interface NotificationContext {
  muted: boolean;
  /** The desk's tab is in the background (document.visibilityState is "hidden"). */
  tabHidden: boolean;
  /** The conversation on screen, if any. */
  selectedId: number | null;
  myUserId: number;
  /** The desk's list row of the message's conversation; null when the desk has never seen it
   * (a new conversation, as far as this agent knows). */
  conversation: { assigneeId: number | null; contactName: string | null; createdAt: string } | null;
  /** The desk already alerted about this message (a socket echo or replay). */
  alreadyNotified: boolean;
  now: number;
}

export interface DeskAlert {
  kind: "new_conversation" | "new_message";
  conversationId: number;
  messageId: number;
  title: string;
  body: string;
}

/** An alert for a visitor's new message in a conversation the agent is not looking at (or any
 * conversation while the tab is hidden); none when muted, for agents' and AI messages, notes,
 * replays, or a conversation a colleague holds. */
export function alertFor(message: Message, context: NotificationContext): DeskAlert | null {
  if (context.muted || context.alreadyNotified) return null;
  if (message.senderType !== "contact" || message.messageType !== "incoming" || message.private) return null;
  if (context.now - Date.parse(message.createdAt) > FRESH_FOR_MS) return null;
  const assignee = context.conversation?.assigneeId ?? null;
  if (assignee !== null && assignee !== context.myUserId) return null;
  if (message.conversationId === context.selectedId && !context.tabHidden) return null;
  const sender = context.conversation?.contactName ?? message.senderName ?? "a visitor";
  const isNew = context.conversation === null || Date.parse(message.createdAt) - Date.parse(context.conversation.createdAt) < NEW_CONVERSATION_MS;
  const body = message.content.length > BODY_LENGTH ? `${message.content.slice(0, BODY_LENGTH - 1)}…` : message.content;
  return {
    kind: isNew ? "new_conversation" : "new_message",
    conversationId: message.conversationId,
    messageId: message.id,
    title: isNew ? `New conversation from ${sender}` : `New message from ${sender}`,
    body,
  };
}
