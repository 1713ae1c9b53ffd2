import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER } from "./conversation-filter.ts";
import { type DeskAction, type DeskState, deskReducer, initialDeskState } from "./desk-state.ts";
import { draftText } from "./draft-stream.ts";
import { conversation, draft, listed, message } from "./test-fixtures.ts";

const me = 7;

function run(state: DeskState, ...actions: DeskAction[]): DeskState {
  return actions.reduce(deskReducer, state);
}

function withList(...items: ReturnType<typeof listed>[]): DeskState {
  return run(initialDeskState(me, DEFAULT_FILTER), { type: "listLoaded", conversations: items, nextCursor: null, append: false });
}

const frame = (f: Extract<DeskAction, { type: "frame" }>["frame"]): DeskAction => ({ type: "frame", frame: f, now: 1000 });

describe("desk list", () => {
  it("moves a conversation with a new visitor message to the top and counts it unread", () => {
    const state = withList(
      listed({ id: 1, lastActivityAt: "2025-01-01T10:00:00.000Z" }),
      listed({ id: 2, lastActivityAt: "2025-01-01T11:00:00.000Z" }),
    );
    const after = run(state, frame({ type: "message.created", data: message({ conversationId: 1, createdAt: "2025-01-01T12:00:00.000Z", content: "Uusi" }) }));
    expect(after.conversations.map((c) => c.id)).toEqual([1, 2]);
    expect(after.conversations[0]).toMatchObject({ unreadCount: 1, lastMessage: "Uusi" });
  });

  it("does not count a message the server's conversation.updated already counted", () => {
    const state = withList(listed({ id: 1 }));
    const after = run(
      state,
      frame({ type: "conversation.updated", data: conversation({ id: 1, unreadCount: 1, updatedAt: "2025-01-01T12:00:01.000Z" }) }),
      frame({ type: "message.created", data: message({ conversationId: 1, createdAt: "2025-01-01T12:00:00.000Z" }) }),
    );
    expect(after.conversations[0]?.unreadCount).toBe(1);
  });

  it("keeps the open conversation read, and private notes out of the preview", () => {
    const state = run(withList(listed({ id: 1, lastMessage: "Hei" })), { type: "selected", conversationId: 1 });
    const after = run(
      state,
      frame({ type: "message.created", data: message({ id: 11, createdAt: "2025-01-02T00:00:00.000Z" }) }),
      frame({ type: "message.created", data: message({ id: 12, private: true, messageType: "note", senderType: "agent", content: "sisäinen" }) }),
    );
    expect(after.conversations[0]).toMatchObject({ unreadCount: 0, lastMessage: "Missä tilaukseni on?" });
  });

  it("drops a conversation that leaves the filter and adds one that enters it", () => {
    const state = withList(listed({ id: 1 }));
    const resolved = run(state, frame({ type: "conversation.updated", data: conversation({ id: 1, status: "resolved" }) }));
    expect(resolved.conversations).toEqual([]);
    const reopened = run(resolved, frame({ type: "conversation.updated", data: conversation({ id: 1, status: "open" }) }));
    expect(reopened.conversations.map((c) => c.id)).toEqual([1]);
  });

  it("fills a row it learned of from the socket once the page loads its detail", () => {
    const state = withList();
    const detail = {
      conversation: conversation({ id: 3 }),
      contact: { id: 1, name: null, email: "liisa@example.fi", identifier: null, identifierVerified: false, customAttributes: {} },
      messages: [message({ conversationId: 3, content: "Onko teillä lapioita?" })],
      latestDraft: null,
    };
    const after = run(state, { type: "listItemLoaded", detail });
    expect(after.conversations[0]).toMatchObject({ id: 3, contactName: "liisa@example.fi", lastMessage: "Onko teillä lapioita?" });
  });
});

describe("open conversation", () => {
  const detail = {
    conversation: conversation({ id: 1 }),
    contact: { id: 1, name: "Matti", email: null, identifier: null, identifierVerified: false, customAttributes: {} },
    messages: [message({ id: 12 }), message({ id: 10 })],
    latestDraft: draft({ content: "Hei" }),
  };

  it("ignores a detail that arrives after the agent moved on", () => {
    const state = run(withList(listed({ id: 1 })), { type: "selected", conversationId: 2 }, { type: "detailLoaded", detail });
    expect(state.open).toBeNull();
  });

  it("keeps messages in id order, once each, and applies updates", () => {
    const state = run(
      withList(listed({ id: 1 })),
      { type: "selected", conversationId: 1 },
      { type: "detailLoaded", detail },
      frame({ type: "message.created", data: message({ id: 11 }) }),
      { type: "messageReceived", message: message({ id: 12, content: "muokattu" }) },
      frame({ type: "message.created", data: message({ id: 11 }) }),
    );
    expect(state.open?.messages.map((m) => [m.id, m.content])).toEqual([
      [10, "Missä tilaukseni on?"],
      [11, "Missä tilaukseni on?"],
      [12, "muokattu"],
    ]);
  });

  it("streams the draft of the open conversation on top of the loaded one", () => {
    const state = run(
      withList(listed({ id: 1 })),
      { type: "selected", conversationId: 1 },
      { type: "detailLoaded", detail },
      frame({ type: "ai.answer.delta", data: { draftId: 5, conversationId: 1, index: 0, text: "Hei" } }),
      frame({ type: "ai.answer.delta", data: { draftId: 5, conversationId: 1, index: 1, text: " Matti" } }),
    );
    expect(draftText(state.drafts[1]!)).toBe("Hei Matti");
  });

  it("shows visitor typing until their message arrives", () => {
    const typing = run(
      withList(listed({ id: 1 })),
      frame({ type: "typing", data: { conversationId: 1, senderType: "contact", senderName: null, on: true } }),
    );
    expect(typing.typing[1]).toMatchObject({ senderType: "contact", until: 7000 });
    expect(run(typing, frame({ type: "message.created", data: message() })).typing[1]).toBeUndefined();
  });

  it("takes the visitor's rating from conversation.updated into the open conversation and its row", () => {
    const state = run(
      withList(listed({ id: 1 })),
      { type: "selected", conversationId: 1 },
      { type: "detailLoaded", detail },
      frame({ type: "conversation.updated", data: conversation({ id: 1, status: "resolved", csatScore: 4, csatComment: "Nopea apu" }) }),
    );
    expect(state.open?.conversation).toMatchObject({ csatScore: 4, csatComment: "Nopea apu" });
    // The default filter lists open conversations, so the resolved row leaves it.
    expect(state.conversations).toEqual([]);
  });

  it("lists the visitor's other conversations without the open one, keeps them over a reload, and updates them live", () => {
    const opened = run(withList(listed({ id: 1 })), { type: "selected", conversationId: 1 }, { type: "detailLoaded", detail });
    expect(opened.open?.otherConversations).toBeNull();
    const loaded = run(opened, {
      type: "otherConversationsLoaded",
      conversationId: 1,
      conversations: [listed({ id: 1 }), listed({ id: 4, status: "resolved", displayId: 4 })],
    });
    expect(loaded.open?.otherConversations).toEqual([listed({ id: 4, status: "resolved", displayId: 4 })]);
    const reloaded = run(loaded, { type: "detailLoaded", detail });
    expect(reloaded.open?.otherConversations).toBe(loaded.open?.otherConversations);
    const rated = run(reloaded, frame({ type: "conversation.updated", data: conversation({ id: 4, status: "resolved", displayId: 4, csatScore: 2 }) }));
    expect(rated.open?.otherConversations).toMatchObject([{ id: 4, csatScore: 2, lastMessage: "Hei" }]);
    // A list for a conversation the agent has left is dropped.
    const moved = run(rated, { type: "selected", conversationId: 2 }, { type: "otherConversationsLoaded", conversationId: 1, conversations: "failed" });
    expect(moved.open).toBeNull();
  });
});
