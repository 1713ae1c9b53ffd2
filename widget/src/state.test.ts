import type { VisitorConversation, VisitorMessage } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import {
  type Action,
  initialState,
  lastMessageId,
  needsEmail,
  type OutboxEntry,
  reduce,
  streamText,
  timeline,
  unreadCount,
  type WidgetState,
} from "./state.ts";
import { TEST_CONFIG } from "../test/fake-hummdesk-server.ts";

const AT = "2025-05-01T10:00:00.000Z";

function message(id: number, fields: Partial<VisitorMessage> = {}): VisitorMessage {
  return {
    id,
    conversationId: 1,
    senderType: "agent",
    senderName: "Aino",
    messageType: "outgoing",
    contentType: "text",
    content: `message ${id}`,
    clientMessageId: null,
    citations: [],
    createdAt: AT,
    ...fields,
  };
}

function conversation(id: number, status: VisitorConversation["status"] = "open"): VisitorConversation {
  return { id, status, createdAt: AT, lastActivityAt: AT };
}

function entry(clientMessageId: string, content = "hei"): OutboxEntry {
  return { clientMessageId, content, createdAt: AT, delivery: "sending" };
}

function run(...actions: Action[]): WidgetState {
  return actions.reduce(reduce, initialState());
}

const received = (m: VisitorMessage): Action => ({ type: "received", message: m });

describe("messages", () => {
  it("keeps messages ordered by id whatever order they arrive in", () => {
    const state = run(received(message(3)), received(message(1)), received(message(2)));
    expect(state.messages.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it("holds one copy of a message that arrives twice (socket replay and history)", () => {
    const state = run(
      received(message(1)),
      { type: "history", history: { conversation: conversation(1), previousConversations: [], messages: [message(1), message(2)] } },
      received(message(2)),
    );
    expect(state.messages.map((m) => m.id)).toEqual([1, 2]);
  });

  it("lets message.updated replace the stored copy", () => {
    const state = run(received(message(1)), received(message(1, { content: "edited" })));
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]!.content).toBe("edited");
  });

  it("replaces the optimistic bubble with the server copy, in the same place", () => {
    const sending = run({ type: "enqueued", entry: entry("c-1", "missä tilaukseni?") });
    expect(timeline(sending)).toMatchObject([{ key: "cc-1", delivery: "sending", senderType: "contact" }]);

    const acknowledged = reduce(sending, {
      type: "acknowledged",
      clientMessageId: "c-1",
      message: message(7, { senderType: "contact", clientMessageId: "c-1", content: "missä tilaukseni?" }),
      conversation: conversation(1),
    });
    expect(acknowledged.outbox).toEqual([]);
    expect(timeline(acknowledged)).toMatchObject([{ key: "cc-1", delivery: "sent", content: "missä tilaukseni?" }]);
  });

  it("drops the optimistic copy when the server copy comes over the socket first", () => {
    const state = run(
      { type: "enqueued", entry: entry("c-1") },
      received(message(7, { senderType: "contact", clientMessageId: "c-1" })),
      { type: "acknowledged", clientMessageId: "c-1", message: message(7, { senderType: "contact", clientMessageId: "c-1" }), conversation: conversation(1) },
    );
    expect(timeline(state)).toHaveLength(1);
  });

  it("shows unsent messages after every server message, in the order written", () => {
    const state = run(received(message(5)), { type: "enqueued", entry: entry("a") }, { type: "enqueued", entry: entry("b") });
    expect(timeline(state).map((item) => item.key)).toEqual(["m5", "ca", "cb"]);
  });

  it("does not queue the same clientMessageId twice", () => {
    const state = run({ type: "enqueued", entry: entry("a") }, { type: "enqueued", entry: entry("a") });
    expect(state.outbox).toHaveLength(1);
  });

  it("marks a message failed and back to sending on retry", () => {
    const failed = run({ type: "enqueued", entry: entry("a") }, { type: "delivery", clientMessageId: "a", delivery: "failed", refused: true });
    expect(timeline(failed)[0]).toMatchObject({ delivery: "failed" });
    expect(failed.outbox[0]!.refused).toBe(true);
    const retried = reduce(failed, { type: "delivery", clientMessageId: "a", delivery: "sending", refused: false });
    expect(retried.outbox[0]).toMatchObject({ delivery: "sending", refused: false });
  });

  it("takes another tab's outbox but not entries already acknowledged here", () => {
    const state = run(received(message(7, { senderType: "contact", clientMessageId: "a" })), {
      type: "outboxSynced",
      outbox: [entry("a"), entry("b")],
    });
    expect(state.outbox.map((e) => e.clientMessageId)).toEqual(["b"]);
  });

  it("clears the draft when the message is queued", () => {
    const state = run({ type: "set", fields: { draft: "hei" } }, { type: "enqueued", entry: entry("a", "hei") });
    expect(state.draft).toBe("");
  });

  it("resumes after the highest id held", () => {
    expect(lastMessageId(initialState())).toBe(0);
    expect(lastMessageId(run(received(message(9)), received(message(4))))).toBe(9);
  });
});

describe("AI answer streaming", () => {
  const delta = (index: number, text: string, draftId = 1): Action => ({
    type: "delta",
    delta: { draftId, conversationId: 1, index, text },
  });

  it("assembles deltas in index order even when they arrive out of order", () => {
    const state = run(delta(0, "Tilauksesi "), delta(2, "matkalla."), delta(1, "on "));
    expect(streamText(state.streams[0]!)).toBe("Tilauksesi on matkalla.");
  });

  it("shows the text only up to a delta still missing", () => {
    const state = run(delta(0, "Tilauksesi "), delta(2, "matkalla."));
    expect(streamText(state.streams[0]!)).toBe("Tilauksesi ");
    expect(timeline(state)).toMatchObject([{ key: "d1", senderType: "ai", delivery: "streaming", content: "Tilauksesi " }]);
  });

  it("replaces the stream with the completed answer and its citations", () => {
    const citations = [{ articleId: 4, title: "Toimitusajat", url: "https://k-rauta.fi/toimitus" }];
    const state = run(delta(0, "Tilauksesi "), {
      type: "completed",
      completed: { draftId: 1, conversationId: 1, messageId: 12, citations, content: "Tilauksesi on matkalla." },
      at: AT,
    });
    expect(state.streams).toEqual([]);
    expect(timeline(state)).toMatchObject([{ key: "m12", senderType: "ai", content: "Tilauksesi on matkalla.", citations }]);
  });

  it("keeps the server's copy when the AI message arrived before the completion", () => {
    const state = run(delta(0, "x"), received(message(12, { senderType: "ai", content: "server copy" })), {
      type: "completed",
      completed: { draftId: 1, conversationId: 1, messageId: 12, citations: [], content: "frame copy" },
      at: AT,
    });
    expect(state.messages.map((m) => m.content)).toEqual(["server copy"]);
    expect(state.streams).toEqual([]);
  });

  it("ends a stream whose answer went to the agents only", () => {
    const state = run(delta(0, "luonnos"), {
      type: "completed",
      completed: { draftId: 1, conversationId: 1, citations: [], content: "luonnos" },
      at: AT,
    });
    expect(timeline(state)).toEqual([]);
  });

  it("ignores a delta that straggles in after its draft completed", () => {
    const state = run(
      delta(0, "a"),
      { type: "completed", completed: { draftId: 1, conversationId: 1, messageId: 3, citations: [], content: "ab" }, at: AT },
      delta(1, "b"),
    );
    expect(state.streams).toEqual([]);
  });

  it("keeps two drafts apart", () => {
    const state = run(delta(0, "one", 1), delta(0, "two", 2));
    expect(state.streams.map(streamText)).toEqual(["one", "two"]);
  });
});

describe("unread", () => {
  it("counts agent and AI messages only while the panel is closed", () => {
    const closed = run(received(message(1)), received(message(2, { senderType: "ai" })), received(message(3, { senderType: "contact" })));
    expect(unreadCount(closed)).toBe(2);

    const opened = reduce(closed, { type: "open" });
    expect(unreadCount(opened)).toBe(0);
    expect(unreadCount(reduce(opened, received(message(4))))).toBe(0);

    const closedAgain = reduce(reduce(opened, { type: "close" }), received(message(5)));
    expect(unreadCount(closedAgain)).toBe(1);
  });

  it("does not count system messages", () => {
    expect(unreadCount(run(received(message(1, { senderType: "system" }))))).toBe(0);
  });

  it("clears when another tab has read the messages", () => {
    const state = run(received(message(1)), received(message(2)), { type: "seen", lastSeenId: 2 });
    expect(unreadCount(state)).toBe(0);
  });

  it("announces new agent and AI messages, not the visitor's own or repeats", () => {
    const agent = run(received(message(1)));
    expect(agent.announcement?.id).toBe(1);
    const own = reduce(agent, received(message(2, { senderType: "contact" })));
    expect(own.announcement?.id).toBe(1);
    const repeat = reduce({ ...agent, announcement: null }, received(message(1)));
    expect(repeat.announcement).toBeNull();
  });
});

describe("conversations", () => {
  it("moves a resolved conversation to the earlier ones when the next message starts a new one", () => {
    const resolved = run(
      { type: "history", history: { conversation: conversation(1), previousConversations: [], messages: [message(2)] } },
      { type: "conversation", conversation: conversation(1, "resolved") },
    );
    expect(resolved.conversation?.status).toBe("resolved");

    const next = reduce(reduce(resolved, { type: "enqueued", entry: entry("n") }), {
      type: "acknowledged",
      clientMessageId: "n",
      message: message(10, { conversationId: 9, senderType: "contact", clientMessageId: "n" }),
      conversation: conversation(9),
    });
    expect(next.conversation?.id).toBe(9);
    expect(next.previousConversations.map((c) => c.id)).toEqual([1]);
    expect(timeline(next).map((item) => item.key)).toEqual(["cn"]);
  });

  it("follows a newer conversation that shows up in a message (another tab started it)", () => {
    const state = run(
      { type: "history", history: { conversation: conversation(1), previousConversations: [], messages: [message(2)] } },
      received(message(10, { conversationId: 9 })),
    );
    expect(state.conversation?.id).toBe(9);
    expect(state.previousConversations.map((c) => c.id)).toEqual([1]);
  });

  it("shows an earlier conversation read-only, and the current one again after", () => {
    const base = run(
      { type: "history", history: { conversation: conversation(9), previousConversations: [conversation(1)], messages: [message(10, { conversationId: 9 })] } },
      { type: "enqueued", entry: entry("pending") },
    );
    const viewing = reduce(reduce(base, { type: "set", fields: { viewing: 1 } }), {
      type: "conversationMessages",
      messages: [message(2, { conversationId: 1 })],
    });
    expect(timeline(viewing).map((item) => item.key)).toEqual(["m2"]);
    expect(timeline(reduce(viewing, { type: "set", fields: { viewing: null } })).map((item) => item.key)).toEqual(["m10", "cpending"]);
  });

  it("remembers the handoff for its conversation", () => {
    const state = run({ type: "handoff", conversation: conversation(3) });
    expect(state.handoffRequested).toEqual([3]);
    expect(state.conversation?.id).toBe(3);
  });
});

describe("typing", () => {
  it("shows the agent typing until they stop, send, or it expires", () => {
    const typing: Action = { type: "typing", typing: { conversationId: 1, senderType: "agent", senderName: "Aino", on: true } };
    expect(run(typing).agentTyping?.senderName).toBe("Aino");
    expect(run(typing, { type: "typing", typing: { conversationId: 1, senderType: "agent", senderName: "Aino", on: false } }).agentTyping).toBeNull();
    expect(run(typing, received(message(1))).agentTyping).toBeNull();
    expect(run(typing, { type: "typingExpired" }).agentTyping).toBeNull();
  });

  it("ignores the visitor's own typing echoed from another tab", () => {
    const state = run({ type: "typing", typing: { conversationId: 1, senderType: "contact", senderName: null, on: true } });
    expect(state.agentTyping).toBeNull();
  });
});

describe("email capture", () => {
  const asks = { type: "set", fields: { config: { ...TEST_CONFIG, requireEmail: true } } } as const;

  it("asks before the first message when the inbox requires it", () => {
    expect(needsEmail(run(asks))).toBe(true);
    expect(needsEmail(run({ type: "set", fields: { config: TEST_CONFIG } }))).toBe(false);
  });

  it("stops asking once the email is known or a conversation exists", () => {
    expect(needsEmail(run(asks, { type: "set", fields: { email: "a@b.fi" } }))).toBe(false);
    expect(needsEmail(run(asks, received(message(1))))).toBe(false);
  });
});

it("reset forgets the visitor but keeps the page's config, language and panel", () => {
  const state = run(
    { type: "set", fields: { config: TEST_CONFIG } },
    { type: "open" },
    received(message(1)),
    { type: "enqueued", entry: entry("a") },
    { type: "reset" },
  );
  expect(state).toMatchObject({ messages: [], outbox: [], config: TEST_CONFIG, open: true });
});

it("switches to an earlier conversation when an agent replies there (reopened on the desk)", () => {
  const at = "2026-12-01T10:00:00.000Z";
  const message = (id: number, conversationId: number, senderType: "contact" | "agent"): VisitorMessage => ({
    id,
    conversationId,
    senderType,
    senderName: null,
    messageType: "incoming",
    contentType: "text",
    content: `m${id}`,
    clientMessageId: null,
    citations: [],
    createdAt: at,
  });
  let state = reduce(initialState(), {
    type: "history",
    history: {
      conversation: { id: 5, status: "open", createdAt: at, lastActivityAt: at },
      previousConversations: [{ id: 4, status: "resolved", createdAt: at, lastActivityAt: at, title: "Vanha" }],
      messages: [message(10, 5, "contact")],
    },
  });
  state = reduce(state, { type: "open" });
  state = reduce(state, { type: "received", message: message(11, 4, "agent") });
  expect(state.conversation).toMatchObject({ id: 4, status: "open", title: "Vanha" });
  expect(state.previousConversations.map((c) => c.id)).toEqual([5]);
  expect(timeline(state).map((item) => item.content)).toEqual(["m11"]);
  // A visitor's own message in the older one (another tab) does not move the view.
  const back = reduce({ ...state, conversation: state.previousConversations[0]!, previousConversations: [state.conversation!] }, { type: "received", message: message(12, 4, "contact") });
  expect(back.conversation?.id).toBe(5);
});
