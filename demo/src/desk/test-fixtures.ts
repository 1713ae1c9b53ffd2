/** Records as the API returns them, for the desk's pure tests. */
import type { AIDraft, Conversation, Message } from "@hummdesk/shared";
import type { ListedConversation } from "../api-client.ts";

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 1,
    accountId: 1,
    displayId: 1,
    inboxId: 1,
    contactId: 1,
    assigneeId: null,
    teamId: null,
    status: "open",
    priority: "medium",
    language: "fi",
    category: "delivery",
    sentiment: "neutral",
    aiConfidence: 0.8,
    aiEnabled: true,
    handoffRequested: false,
    unreadCount: 0,
    lastActivityAt: "2025-01-01T10:00:00.000Z",
    firstReplyDueAt: null,
    firstRepliedAt: null,
    resolvedAt: null,
    createdAt: "2025-01-01T10:00:00.000Z",
    updatedAt: "2025-01-01T10:00:00.000Z",
    ...overrides,
  };
}

export function listed(overrides: Partial<ListedConversation> = {}): ListedConversation {
  return { ...conversation(overrides), contactName: "Matti", lastMessage: "Hei", ...overrides };
}

export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 10,
    accountId: 1,
    conversationId: 1,
    senderType: "contact",
    senderId: null,
    senderName: "Matti",
    messageType: "incoming",
    contentType: "text",
    content: "Missä tilaukseni on?",
    private: false,
    clientMessageId: null,
    sentiment: null,
    citations: [],
    createdAt: "2025-01-01T10:05:00.000Z",
    ...overrides,
  };
}

export function draft(overrides: Partial<AIDraft> = {}): AIDraft {
  return {
    id: 5,
    accountId: 1,
    conversationId: 1,
    messageId: 10,
    content: "",
    citations: [],
    status: "streaming",
    model: "builtin",
    sentMessageId: null,
    createdAt: "2025-01-01T10:05:01.000Z",
    updatedAt: "2025-01-01T10:05:01.000Z",
    ...overrides,
  };
}
