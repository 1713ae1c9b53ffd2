/** Snoozed conversations wake by time, through the real server: the sweep every node runs sets a
 * due snooze back to open once (however many sweeps race), leaves one activity line, tells the
 * desks and the visitor's widget live, and never reaches into another account. */
import type { ConversationDetail, Message } from "@hummdesk/shared";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { api, type Frame, startTestApp, type TestApp, TestSocket } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { wakeSnoozedConversation } from "./conversation-actions.ts";
import { wakeDueSnoozes } from "./snooze-sweep.ts";
import { neighbourWrites, type SignedIn, signIn, visitorWrites } from "./agent-test-kit.ts";

const sockets: TestSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

async function agentSocket(testApp: TestApp, token: string, accountId: number): Promise<TestSocket> {
  const socket = await TestSocket.open(testApp.url, "/api/v1/ws");
  sockets.push(socket);
  socket.send({ type: "auth", token, accountId });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

async function visitorSocket(testApp: TestApp, token: string): Promise<TestSocket> {
  const socket = await TestSocket.open(testApp.url, "/widget/v1/ws");
  sockets.push(socket);
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const openedFrame = (conversationId: number) => (f: Frame) => f.type === "conversation.updated" && f.data["id"] === conversationId && f.data["status"] === "open";

function clients(testApp: TestApp, who: SignedIn) {
  const call = <T>(method: string, path: string, token: string, body?: unknown) => api<T>(testApp.url, method, path, { token, ...(body !== undefined ? { body } : {}) });
  return {
    snooze: (conversationId: number, until: string, token = who.agent.token, accountId = who.krauta) =>
      call<{ conversation: { status: string } }>("POST", `/api/v1/accounts/${accountId}/conversations/${conversationId}/status`, token, { status: "snoozed", snoozedUntil: until }),
    detail: async (conversationId: number, token = who.agent.token, accountId = who.krauta) => {
      const response = await call<ConversationDetail>("GET", `/api/v1/accounts/${accountId}/conversations/${conversationId}`, token);
      expect(response.status).toBe(200);
      return response.body;
    },
  };
}

const wakeLines = (messages: Message[]) => messages.filter((m) => m.messageType === "activity" && m.meta?.["code"] === "conversation.snooze_ended");

describe("the sweep running in the server", () => {
  let testApp: TestApp;
  let who: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ ai: { workers: 0 }, env: { HUMMDESK_SNOOZE_SWEEP_MS: "200" } });
    who = await signIn(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  test("a snooze whose time passes wakes: desk and widget see it open, one activity line; a later snooze sleeps on", async () => {
    const { snooze, detail } = clients(testApp, who);
    const soon = await visitorWrites(testApp.url, "Milloin tilaukseni saapuu?");
    const later = await visitorWrites(testApp.url, "Onko teillä lautaa varastossa?");
    const desk = await agentSocket(testApp, who.agent.token, who.krauta);
    const widget = await visitorSocket(testApp, soon.visitorToken);

    expect((await snooze(soon.conversationId, inSeconds(1))).body.conversation.status).toBe("snoozed");
    expect((await snooze(later.conversationId, inSeconds(3600))).body.conversation.status).toBe("snoozed");
    await widget.waitFor((f) => f.type === "conversation.updated" && f.data["status"] === "snoozed");

    const onDesk = await desk.waitFor(openedFrame(soon.conversationId), 6000);
    expect(onDesk.data).toMatchObject({ status: "open", snoozedUntil: null });
    await widget.waitFor(openedFrame(soon.conversationId), 6000);
    const line = await desk.waitFor((f) => f.type === "message.created" && f.data["conversationId"] === soon.conversationId && (f.data["meta"] as { code?: string } | null)?.code === "conversation.snooze_ended");
    expect(line.data).toMatchObject({ messageType: "activity", private: true, content: "Snooze ended" });

    // A few more sweeps pass: still one line, and the one snoozed for an hour sleeps on.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const woken = await detail(soon.conversationId);
    expect(woken.conversation).toMatchObject({ status: "open", snoozedUntil: null });
    expect(wakeLines(woken.messages)).toHaveLength(1);
    const sleeping = await detail(later.conversationId);
    expect(sleeping.conversation.status).toBe("snoozed");
    expect(sleeping.conversation.snoozedUntil).not.toBeNull();
    expect(wakeLines(sleeping.messages)).toHaveLength(0);
    // The visitor never receives the activity line, and hears nothing of the other conversation.
    await testApp.app.gateway.drain();
    expect(widget.frames.some((f) => f.type === "message.created" && f.data["id"] === line.data["id"])).toBe(false);
    expect(widget.frames.some((f) => f.data["id"] === later.conversationId || f.data["conversationId"] === later.conversationId)).toBe(false);
  });

  // The send function (0008) already sets the status; a trigger (0009) clears the wake time.
  test("a visitor message wakes a snoozed conversation at once, and it no longer says when it would wake", async () => {
    const { snooze, detail } = clients(testApp, who);
    const first = await visitorWrites(testApp.url, "Hei, palautus kesken.");
    const desk = await agentSocket(testApp, who.agent.token, who.krauta);
    expect((await snooze(first.conversationId, inSeconds(3600))).body.conversation.status).toBe("snoozed");

    const again = await visitorWrites(testApp.url, "Vieläkö olette siellä?", undefined, { token: first.visitorToken, visitorId: first.visitorId });
    expect(again.conversationId).toBe(first.conversationId);
    const onDesk = await desk.waitFor(openedFrame(first.conversationId));
    expect(onDesk.data["snoozedUntil"]).toBeNull();
    expect((await detail(first.conversationId)).conversation).toMatchObject({ status: "open", snoozedUntil: null });
  });

  test("another account's snooze wakes for that account only: K-Rauta's desk hears nothing and cannot snooze it", async () => {
    const { snooze, detail } = clients(testApp, who);
    const theirs = await neighbourWrites(testApp.url, "Hej! När kommer min beställning?");
    const krautaDesk = await agentSocket(testApp, who.agent.token, who.krauta);
    const neighbourDesk = await agentSocket(testApp, who.stranger.token, who.neighbour);

    // K-Rauta's agent cannot reach it, neither through K-Rauta nor through the neighbour's account.
    expect((await snooze(theirs.conversationId, inSeconds(1))).status).toBe(404);
    expect((await snooze(theirs.conversationId, inSeconds(1), who.agent.token, who.neighbour)).status).toBe(404);
    expect((await snooze(theirs.conversationId, inSeconds(1), who.stranger.token, who.neighbour)).status).toBe(200);

    await neighbourDesk.waitFor(openedFrame(theirs.conversationId), 6000);
    const woken = await detail(theirs.conversationId, who.stranger.token, who.neighbour);
    expect(woken.conversation.status).toBe("open");
    expect(wakeLines(woken.messages)).toHaveLength(1);
    await testApp.app.gateway.drain();
    expect(krautaDesk.frames.some((f) => f.data["id"] === theirs.conversationId || f.data["conversationId"] === theirs.conversationId)).toBe(false);
  });
});

describe("sweeps called directly (the server's own sweep ran once at start)", () => {
  let testApp: TestApp;
  let who: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ ai: { workers: 0 }, env: { HUMMDESK_SNOOZE_SWEEP_MS: "3600000" } });
    who = await signIn(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Snoozes a conversation with a wake time already past (the API refuses one; the sweep may
   * meet one after a pause or a restart). */
  async function dueSnooze(accountId: number, conversationId: number) {
    await createTenantService(testApp.database.db, accountId).updateConversation(conversationId, { status: "snoozed", snoozedUntil: new Date(Date.now() - 1000).toISOString() });
  }

  test("sweeps racing each other wake every due conversation once", async () => {
    const { detail } = clients(testApp, who);
    const conversations = [
      await visitorWrites(testApp.url, "Tilaus 1"),
      await visitorWrites(testApp.url, "Tilaus 2"),
      await visitorWrites(testApp.url, "Tilaus 3"),
    ];
    for (const c of conversations) await dueSnooze(who.krauta, c.conversationId);

    const counts = await Promise.all(Array.from({ length: 4 }, () => wakeDueSnoozes(testApp.database.db, testApp.app.hub)));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(conversations.length);
    for (const c of conversations) {
      const woken = await detail(c.conversationId);
      expect(woken.conversation.status).toBe("open");
      expect(wakeLines(woken.messages)).toHaveLength(1);
    }
    const audit = (await createTenantService(testApp.database.db, who.krauta).listAudit({ limit: 1000 })).entries.filter(
      (e) => e.action === "conversation.status" && e.actorId === null && conversations.some((c) => e.entityId === String(c.conversationId)),
    );
    expect(audit).toHaveLength(conversations.length);
    // Nothing is due any more.
    expect(await wakeDueSnoozes(testApp.database.db, testApp.app.hub)).toBe(0);
  });

  test("one account's unit of work cannot wake another account's conversation", async () => {
    const theirs = await neighbourWrites(testApp.url, "Hej! Var är mitt paket?");
    await dueSnooze(who.neighbour, theirs.conversationId);

    const krauta = createTenantService(testApp.database.db, who.krauta);
    expect(await krauta.transaction((t) => wakeSnoozedConversation(t, theirs.conversationId))).toBeNull();
    const neighbour = createTenantService(testApp.database.db, who.neighbour);
    expect((await neighbour.getConversation(theirs.conversationId))?.status).toBe("snoozed");

    // Its own account's sweep wakes it.
    expect(await wakeDueSnoozes(testApp.database.db, testApp.app.hub)).toBe(1);
    expect((await neighbour.getConversation(theirs.conversationId))?.status).toBe("open");
  });

  test("a snooze still in the future is left asleep", async () => {
    const { snooze } = clients(testApp, who);
    const c = await visitorWrites(testApp.url, "Soitatteko huomenna?");
    await snooze(c.conversationId, inSeconds(2));
    expect(await wakeDueSnoozes(testApp.database.db, testApp.app.hub)).toBe(0);
    const conversation = await createTenantService(testApp.database.db, who.krauta).getConversation(c.conversationId);
    expect(conversation).toMatchObject({ status: "snoozed" });
    expect(conversation?.snoozedUntil).not.toBeNull();
  });
});
