import { describe, expect, it } from "vitest";
import { alertFor, FRESH_FOR_MS, type NotificationContext } from "./notification-policy.ts";
import { message } from "./test-fixtures.ts";

const NOW = Date.parse("2025-01-01T10:05:10.000Z");
const ME = 5;

const context = (overrides: Partial<NotificationContext> = {}): NotificationContext => ({
  muted: false,
  tabHidden: false,
  selectedId: null,
  myUserId: ME,
  conversation: { assigneeId: null, contactName: "Matti Meikäläinen", createdAt: "2025-01-01T09:00:00.000Z" },
  alreadyNotified: false,
  now: NOW,
  ...overrides,
});

describe("alerts for visitor messages", () => {
  it("a visitor's message in a conversation not on screen alerts, named by the contact", () => {
    expect(alertFor(message({ id: 42, conversationId: 7 }), context({ selectedId: 3 }))).toEqual({
      kind: "new_message",
      conversationId: 7,
      messageId: 42,
      title: "New message from Matti Meikäläinen",
      body: "Missä tilaukseni on?",
    });
  });

  it("a conversation the desk has never seen, or one this message started, is a new conversation", () => {
    const alert = alertFor(message(), context({ conversation: null }));
    expect(alert?.kind).toBe("new_conversation");
    expect(alert?.title).toBe("New conversation from Matti");
    const started = context({ conversation: { assigneeId: null, contactName: null, createdAt: "2025-01-01T10:04:59.500Z" } });
    expect(alertFor(message(), started)?.kind).toBe("new_conversation");
  });

  it("the open conversation alerts only while the tab is hidden", () => {
    expect(alertFor(message({ conversationId: 7 }), context({ selectedId: 7 }))).toBeNull();
    expect(alertFor(message({ conversationId: 7 }), context({ selectedId: 7, tabHidden: true }))?.kind).toBe("new_message");
  });

  it("conversations that are mine or nobody's alert; a colleague's do not", () => {
    expect(alertFor(message(), context({ conversation: { assigneeId: ME, contactName: null, createdAt: "2025-01-01T09:00:00.000Z" } }))).not.toBeNull();
    expect(alertFor(message(), context({ conversation: { assigneeId: ME + 1, contactName: null, createdAt: "2025-01-01T09:00:00.000Z" } }))).toBeNull();
  });

  it("long messages are shortened for the notification", () => {
    const alert = alertFor(message({ content: "a".repeat(500) }), context());
    expect(alert?.body.length).toBe(140);
    expect(alert?.body.endsWith("…")).toBe(true);
  });
});

describe("no alert", () => {
  it.each([
    ["when muted", message(), { muted: true }],
    ["twice for one message", message(), { alreadyNotified: true }],
    ["for an agent's reply", message({ senderType: "agent", messageType: "outgoing" }), {}],
    ["for the AI's answer", message({ senderType: "ai", messageType: "outgoing" }), {}],
    ["for a private note", message({ senderType: "agent", messageType: "note", private: true }), {}],
    ["for an activity line", message({ senderType: "system", messageType: "activity" }), {}],
    ["for a replayed old message", message({ createdAt: new Date(NOW - FRESH_FOR_MS - 1).toISOString() }), {}],
  ] as const)("%s", (_, incoming, overrides) => {
    expect(alertFor(incoming, context({ ...overrides, tabHidden: true }))).toBeNull();
  });
});
