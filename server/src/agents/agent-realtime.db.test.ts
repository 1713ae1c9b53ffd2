/** The agent API's changes as the sockets see them: an agent's socket carries only its own
 * account; a reply reaches the visitor live, a private note never does. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { api, type Frame, startTestApp, type TestApp, TestSocket } from "../../test/test-app.ts";
import { neighbourWrites, newVisitor, type SignedIn, signIn, visitorWrites } from "./agent-test-kit.ts";

let testApp: TestApp;
let who: SignedIn;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  // No AI workers, so every frame is one a test caused.
  testApp = await startTestApp({ ai: { workers: 0 } });
  who = await signIn(testApp);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await testApp.close();
});

async function agentSocket(token: string, accountId: number): Promise<TestSocket> {
  const socket = await TestSocket.open(testApp.url, "/api/v1/ws");
  sockets.push(socket);
  socket.send({ type: "auth", token, accountId });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

async function visitorSocket(token: string): Promise<TestSocket> {
  const socket = await TestSocket.open(testApp.url, "/widget/v1/ws");
  sockets.push(socket);
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

const messageFrame = (id: number) => (f: Frame) => f.type === "message.created" && f.data["id"] === id;

describe("an agent's socket", () => {
  test("carries its own account's visitor messages and nothing of the neighbour's", async () => {
    const krauta = await agentSocket(who.agent.token, who.krauta);
    const neighbour = await agentSocket(who.stranger.token, who.neighbour);

    const theirs = await neighbourWrites(testApp.url, "Hej! Har ni krukor i lager?");
    const ours = await visitorWrites(testApp.url, "Hei! Onko teillä ruukkuja?");

    // The neighbour's own agent sees their message: the event was published...
    await neighbour.waitFor(messageFrame(theirs.messageId));
    // ...and once K-Rauta's later message has arrived, the neighbour's would have too.
    const arrived = await krauta.waitFor(messageFrame(ours.messageId));
    expect(arrived.data).toMatchObject({ conversationId: ours.conversationId, content: "Hei! Onko teillä ruukkuja?", senderType: "contact" });
    await krauta.waitFor((f) => f.type === "conversation.updated" && f.data["id"] === ours.conversationId);
    await testApp.app.gateway.drain();

    const seen = JSON.stringify(krauta.frames);
    expect(seen).not.toContain("krukor");
    expect(krauta.frames.some((f) => f.data["conversationId"] === theirs.conversationId || f.data["id"] === theirs.conversationId)).toBe(false);
    expect(krauta.frames.every((f) => f.type === "ready" || f.data["accountId"] === who.krauta)).toBe(true);
    expect(neighbour.frames.some(messageFrame(ours.messageId))).toBe(false);
  });

  test("a K-Rauta agent cannot open a socket on the neighbour's account", async () => {
    const socket = await TestSocket.open(testApp.url, "/api/v1/ws");
    sockets.push(socket);
    socket.send({ type: "auth", token: who.agent.token, accountId: who.neighbour });
    expect((await socket.waitForClose()).code).toBe(1008);
    expect(socket.frames.filter((f) => f.type !== "error")).toEqual([]);
  });
});

describe("replies and notes", () => {
  test("a reply arrives live at the visitor's socket, a private note never does; agents get both", async () => {
    const visitor = await newVisitor(testApp.url);
    const { conversationId } = await visitorWrites(testApp.url, "Tarvitsen apua laminaatin kanssa", undefined, visitor);
    const live = await visitorSocket(visitor.token);
    const colleague = await agentSocket(who.colleague.token, who.krauta);
    const path = `${who.base}/conversations/${conversationId}/messages`;

    const note = await api<{ message: { id: number } }>(testApp.url, "POST", path, { token: who.agent.token, body: { content: "Asiakas vaikuttaa kiireiseltä", private: true } });
    const reply = await api<{ message: { id: number } }>(testApp.url, "POST", path, { token: who.agent.token, body: { content: "Autan mielelläni! Mikä laminaatti?" } });
    expect([note.status, reply.status]).toEqual([201, 201]);

    const delivered = await live.waitFor(messageFrame(reply.body.message.id));
    expect(delivered.data).toMatchObject({ content: "Autan mielelläni! Mikä laminaatti?", senderType: "agent", senderName: "Aino Virtanen", messageType: "outgoing" });
    // What a visitor sees of a message: no internal ids, no private flag.
    expect(delivered.data).not.toHaveProperty("senderId");
    expect(delivered.data).not.toHaveProperty("accountId");
    await live.waitFor((f) => f.type === "conversation.updated" && f.data["id"] === conversationId);

    // The note was published before the reply, so it would have arrived first.
    await testApp.app.gateway.drain();
    expect(live.frames.some(messageFrame(note.body.message.id))).toBe(false);
    expect(JSON.stringify(live.frames)).not.toContain("kiireiseltä");

    expect((await colleague.waitFor(messageFrame(note.body.message.id))).data).toMatchObject({ private: true, messageType: "note" });
    await colleague.waitFor(messageFrame(reply.body.message.id));
  });

  test("resolving a conversation reaches the visitor's socket as conversation.updated", async () => {
    const visitor = await newVisitor(testApp.url);
    const { conversationId } = await visitorWrites(testApp.url, "Kiitos avusta!", undefined, visitor);
    const live = await visitorSocket(visitor.token);
    await api(testApp.url, "POST", `${who.base}/conversations/${conversationId}/status`, { token: who.agent.token, body: { status: "resolved" } });
    const update = await live.waitFor((f) => f.type === "conversation.updated" && f.data["status"] === "resolved");
    expect(update.data).toMatchObject({ id: conversationId });
    expect(Object.keys(update.data).sort()).toEqual(["createdAt", "csatScore", "id", "lastActivityAt", "status"]);
  });
});
