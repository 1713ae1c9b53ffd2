import type { VisitorMessage } from "@hummdesk/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../test/fake-hummdesk-server.ts";
import { Browser, eventually, type Tab } from "../test/test-environment.ts";
import { createEmitter } from "./emitter.ts";
import { createPersistence } from "./persistence.ts";
import { createSession, type Session, websocketUrl } from "./session.ts";
import { timeline, unreadCount } from "./state.ts";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.destroy();
  server.setOnline(true);
});

/** A page load: a session in a tab, started, recording the messages it announces to the page. */
async function load(tab: Tab) {
  const env = tab.environment();
  const session = createSession({ baseUrl: server.baseUrl, websiteToken: "site-token" }, env, createEmitter(), createPersistence(env.storage, "site-token"));
  sessions.push(session);
  const announced: VisitorMessage[] = [];
  session.on("message", (message) => announced.push(message));
  await session.start();
  return { session, announced, items: () => timeline(session.store.get()) };
}

const visitorRequests = () => server.requests.filter((r) => r.path === "/inboxes/site-token/visitors").length;

describe("session", () => {
  it("writes nothing for a page view: no token until the visitor opens the chat", async () => {
    const before = visitorRequests();
    const { session } = await load(new Browser().openTab(server.baseUrl));
    expect(session.store.get().config?.inboxName).toBe("K-Rauta asiakaspalvelu");
    expect(visitorRequests()).toBe(before);
    session.open();
    await eventually(() => expect(visitorRequests()).toBe(before + 1));
  });

  it("keeps a message written offline across a reload and sends it once with the same id", async () => {
    const browser = new Browser();
    const first = await load(browser.openTab(server.baseUrl));
    first.session.open();
    await eventually(() => expect(server.socketsOf(tokenOf(browser))).toBe(1));
    server.setOnline(false);
    first.session.send("Onko porakonetta varastossa?");
    await eventually(() => expect(browser.data.get("hummdesk:site-token:outbox")).toContain("porakonetta"));
    const [queued] = JSON.parse(browser.data.get("hummdesk:site-token:outbox")!);
    first.session.destroy();

    server.setOnline(true);
    const reloaded = await load(browser.openTab(server.baseUrl));
    await eventually(() => expect(reloaded.items()).toMatchObject([{ content: "Onko porakonetta varastossa?", delivery: "sent" }]));
    expect(server.messages.filter((m) => m.clientMessageId === queued.clientMessageId)).toHaveLength(1);
    expect(JSON.parse(browser.data.get("hummdesk:site-token:outbox")!)).toEqual([]);
  });

  it("sends a first message written while the server was down, once it is back, with no help from the page", async () => {
    const browser = new Browser();
    const { session, items } = await load(browser.openTab(server.baseUrl));
    server.setOnline(false);
    session.send("Ensimmäinen viesti");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(items().map((item) => item.delivery)).not.toEqual(["sent"]);
    server.setOnline(true);
    await eventually(() => expect(items()).toMatchObject([{ content: "Ensimmäinen viesti", delivery: "sent" }]));
    await eventually(() => expect(server.socketsOf(tokenOf(browser))).toBe(1));
  });

  it("shows the history after a reload", async () => {
    const browser = new Browser();
    const first = await load(browser.openTab(server.baseUrl));
    first.session.send("Hei");
    await eventually(() => expect(first.items()).toMatchObject([{ delivery: "sent" }]));
    server.agentReply(server.visitor(tokenOf(browser))!.id, "Hei! Miten voin auttaa?");
    first.session.destroy();

    const reloaded = await load(browser.openTab(server.baseUrl));
    await eventually(() => expect(reloaded.items().map((item) => item.content)).toEqual(["Hei", "Hei! Miten voin auttaa?"]));
  });

  it("holds one copy of a message that comes over the socket and in the send response", async () => {
    const browser = new Browser();
    const { session, announced, items } = await load(browser.openTab(server.baseUrl));
    session.open();
    await eventually(() => expect(session.store.get().config).not.toBeNull());
    await eventually(() => expect(server.socketsOf(tokenOf(browser))).toBe(1));
    session.send("Yksi kappale");
    await eventually(() => expect(items()).toMatchObject([{ content: "Yksi kappale", delivery: "sent" }]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(items()).toHaveLength(1);
    expect(announced.map((m) => m.content)).toEqual(["Yksi kappale"]);
  });

  it("keeps two tabs consistent: unsent messages, sent ones and what has been read", async () => {
    const browser = new Browser();
    const a = await load(browser.openTab(server.baseUrl));
    a.session.send("ensimmäinen");
    await eventually(() => expect(a.items()).toMatchObject([{ delivery: "sent" }]));
    const b = await load(browser.openTab(server.baseUrl));
    await eventually(() => expect(b.items().map((item) => item.content)).toEqual(["ensimmäinen"]));
    await eventually(() => expect(server.socketsOf(tokenOf(browser))).toBe(2));

    server.setOnline(false);
    a.session.send("toinen");
    await eventually(() => expect(b.items()).toMatchObject([{}, { content: "toinen", delivery: "sending" }]));
    server.setOnline(true);
    browser.openTab(server.baseUrl).emit("online", new Event("online"));
    a.session.retry(a.session.store.get().outbox[0]!.clientMessageId);
    await eventually(() => expect(b.items()).toMatchObject([{}, { content: "toinen", delivery: "sent" }]));
    expect(b.session.store.get().outbox).toEqual([]);

    server.agentReply(server.visitor(tokenOf(browser))!.id, "vastaus");
    await eventually(() => expect(unreadCount(b.session.store.get())).toBe(1));
    a.session.open();
    await eventually(() => expect(unreadCount(b.session.store.get())).toBe(0));
  });

  it("streams the AI answer and then shows it as a message, once", async () => {
    const browser = new Browser();
    const { session, announced, items } = await load(browser.openTab(server.baseUrl));
    session.send("Milloin tilaukseni tulee?");
    await eventually(() => expect(items()).toMatchObject([{ delivery: "sent" }]));
    await eventually(() => expect(server.socketsOf(tokenOf(browser))).toBe(1));
    const visitorId = server.visitor(tokenOf(browser))!.id;
    const conversationId = session.store.get().conversation!.id;
    server.send(visitorId, { type: "ai.answer.delta", data: { draftId: 5, conversationId, index: 1, text: "on matkalla" } });
    server.send(visitorId, { type: "ai.answer.delta", data: { draftId: 5, conversationId, index: 0, text: "Tilauksesi " } });
    await eventually(() => expect(items().at(-1)).toMatchObject({ delivery: "streaming", content: "Tilauksesi on matkalla" }));
    const answer = server.agentReply(visitorId, "Tilauksesi on matkalla.", "ai");
    server.send(visitorId, {
      type: "ai.answer.completed",
      data: { draftId: 5, conversationId, messageId: answer.id, citations: [], content: answer.content },
    });
    await eventually(() => expect(items().map((item) => item.delivery)).toEqual(["sent", null]));
    expect(announced.filter((m) => m.senderType === "ai")).toHaveLength(1);
  });

  it("starts a new conversation after the last was resolved, and shows the earlier one on request", async () => {
    const browser = new Browser();
    const { session, items } = await load(browser.openTab(server.baseUrl));
    session.send("vanha kysymys");
    await eventually(() => expect(items()).toMatchObject([{ delivery: "sent" }]));
    await eventually(() => expect(server.socketsOf(tokenOf(browser))).toBe(1));
    const first = session.store.get().conversation!.id;
    server.resolve(server.visitor(tokenOf(browser))!.id);
    await eventually(() => expect(session.store.get().conversation?.status).toBe("resolved"));

    session.send("uusi kysymys");
    await eventually(() => expect(session.store.get().conversation?.id).not.toBe(first));
    expect(items().map((item) => item.content)).toEqual(["uusi kysymys"]);
    expect(session.store.get().previousConversations.map((c) => c.id)).toEqual([first]);

    await session.view(first);
    expect(items().map((item) => item.content)).toEqual(["vanha kysymys"]);
    expect(server.requests.at(-1)?.query.get("conversationId")).toBe(String(first));
  });

  it("asks for a person", async () => {
    const browser = new Browser();
    const { session, items } = await load(browser.openTab(server.baseUrl));
    session.send("en saa apua botilta");
    await eventually(() => expect(items()).toMatchObject([{ delivery: "sent" }]));
    await session.handoff();
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: "/handoff" });
    expect(session.store.get().handoffRequested).toEqual([session.store.get().conversation!.id]);
  });

  it("identifies the visitor and sets attributes with the visitor token, then uses the token each answered with", async () => {
    const browser = new Browser();
    const { session, items } = await load(browser.openTab(server.baseUrl));
    await session.identify({ identifier: "user-42", identifierHash: "abc", email: "aino@example.fi" });
    const storedToken = () => JSON.parse(browser.data.get("hummdesk:site-token:token")!).token as string;
    const identified = storedToken();
    await session.setAttributes({ customAttributes: { plan: "pro" } });
    const [identify, attributes] = server.requests.filter((r) => r.path === "/identify" || r.path === "/attributes").slice(-2);
    expect([identify, attributes]).toMatchObject([
      { path: "/identify", body: { identifier: "user-42", email: "aino@example.fi" } },
      { path: "/attributes", body: { customAttributes: { plan: "pro" } }, token: identified },
    ]);
    expect(identified).not.toBe(identify!.token);
    expect(session.store.get().email).toBe("aino@example.fi");
    // The profile travels in the token: the next message goes with the newest one.
    session.send("Missä tilaukseni on?");
    await eventually(() => expect(items()).toMatchObject([{ delivery: "sent" }]));
    expect(server.requests.filter((r) => r.path === "/messages" && r.method === "POST").at(-1)?.token).toBe(storedToken());
    expect(storedToken()).not.toBe(identified);
  });

  it("sends the email captured before the first message", async () => {
    server.config.requireEmail = true;
    try {
      const { session, items } = await load(new Browser().openTab(server.baseUrl));
      session.send("Tarjous?", "aino@example.fi");
      await eventually(() => expect(items()).toMatchObject([{ delivery: "sent" }]));
      expect(server.requests.find((r) => r.body?.content === "Tarjous?")?.body?.email).toBe("aino@example.fi");
    } finally {
      server.config.requireEmail = false;
    }
  });

  it("forgets the visitor on reset", async () => {
    const browser = new Browser();
    const { session } = await load(browser.openTab(server.baseUrl));
    session.send("hei");
    await eventually(() => expect(session.store.get().messages).toHaveLength(1));
    session.reset();
    expect(session.store.get().messages).toEqual([]);
    expect(browser.data.has("hummdesk:site-token:token")).toBe(false);
  });

  it("says which websiteToken matches no inbox", async () => {
    const env = new Browser().openTab(server.baseUrl).environment();
    const session = createSession({ baseUrl: server.baseUrl, websiteToken: "typo" }, env, createEmitter(), createPersistence(env.storage, "typo"));
    sessions.push(session);
    await expect(session.start()).rejects.toThrow("websiteToken 'typo' matches no inbox");
  });
});

it("builds the websocket URL from the baseUrl, ws for http and wss for https", () => {
  expect(websocketUrl("https://chat.k-rauta.fi/", "https://www.k-rauta.fi/")).toBe("wss://chat.k-rauta.fi/widget/v1/ws");
  expect(websocketUrl("/", "http://localhost:3000/demo")).toBe("ws://localhost:3000/widget/v1/ws");
});

/** The visitor id behind the token a browser holds. */
function tokenOf(browser: Browser): string {
  return JSON.parse(browser.data.get("hummdesk:site-token:token")!).visitorId;
}
