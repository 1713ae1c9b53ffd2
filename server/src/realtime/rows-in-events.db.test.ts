/** Events carry their rows: a node with sockets runs no query to deliver message.created or
 * conversation.updated; events published in one tick leave as one NOTIFY; a row too large for a
 * payload still arrives (by id, loaded once). Queries are counted in the database client. */
import type { Conversation, Message } from "@hummdesk/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { testDriver } from "../../test/test-database.ts";
import { conversationUpdated, messageCreated } from "./publish.ts";

const queries: string[] = [];
let t: TestApp;
beforeAll(async () => {
  // No LISTEN heartbeat pings during these tests: every NOTIFY counted is an event batch.
  t = await startTestApp({ onQuery: (query) => queries.push(query), listenHeartbeatMs: 600_000 });
});
afterAll(async () => {
  await t.close();
});

const settle = () => new Promise((r) => setTimeout(r, 200));
const appQueries = () => queries.filter((q) => !/pg_notify/i.test(q));
const notifies = () => queries.filter((q) => /pg_notify/i.test(q));

async function conversationWithSockets() {
  const token = await visitorToken(t.url);
  const sent = await api<{ message: Message; conversation: { id: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: `cm_${Math.random().toString(36).slice(2)}`, content: "Onko teillä maalia?" },
  });
  const agent = await agentLogin(t.url);
  const accountId = t.seeded.krauta.accountId;
  const { body } = await api<{ conversation: Conversation }>(t.url, "GET", `/api/v1/accounts/${accountId}/conversations/${sent.body.message.conversationId}`, {
    token: agent.accessToken,
  });
  const visitor = await TestSocket.open(t.url, "/widget/v1/ws");
  visitor.send({ type: "auth", token });
  await visitor.waitFor((f) => f.type === "ready");
  const agentWs = await TestSocket.open(t.url, "/api/v1/ws");
  agentWs.send({ type: "auth", token: agent.accessToken, accountId });
  await agentWs.waitFor((f) => f.type === "ready");
  const visitorId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sub as string;
  await settle();
  return { conversation: body.conversation, message: sent.body.message, visitor, agentWs, visitorId };
}

describe("events carry their rows", () => {
  test("delivering message.created and conversation.updated to agent and visitor sockets runs no query", async () => {
    const { conversation, message, visitor, agentWs, visitorId } = await conversationWithSockets();
    const fresh = { ...message, id: message.id + 1_000_000, content: "Tämä tulee tapahtuman mukana" };
    queries.length = 0;
    await t.app.hub.publish([messageCreated(conversation, fresh, visitorId), conversationUpdated(conversation, visitorId)]);
    await agentWs.waitFor((f) => f.type === "message.created" && f.data.id === fresh.id);
    await agentWs.waitFor((f) => f.type === "conversation.updated" && f.data.id === conversation.id);
    const seen = await visitor.waitFor((f) => f.type === "message.created" && f.data.id === fresh.id);
    expect(seen.data.content).toBe("Tämä tulee tapahtuman mukana");
    await visitor.waitFor((f) => f.type === "conversation.updated" && f.data.id === conversation.id);
    expect(appQueries()).toEqual([]);
    visitor.close();
    agentWs.close();
  });

  test.runIf(testDriver() === "postgres")("fifty events published in one tick leave as one NOTIFY", async () => {
    const { conversation, message, agentWs, visitorId } = await conversationWithSockets();
    queries.length = 0;
    const events = Array.from({ length: 50 }, (_, index) => messageCreated(conversation, { ...message, id: message.id + 2_000_000 + index, content: `viesti ${index}` }, visitorId));
    await t.app.hub.publish(events);
    await agentWs.waitFor((f) => f.type === "message.created" && f.data.id === message.id + 2_000_049);
    expect(notifies()).toHaveLength(1);
    expect(appQueries()).toEqual([]);
    const ids = agentWs.frames.filter((f) => f.type === "message.created" && (f.data.id as number) >= message.id + 2_000_000).map((f) => f.data.id);
    expect(ids).toEqual(events.map((e) => (e as { messageId: number }).messageId));
    agentWs.close();
  });

  test("a reply too large for one NOTIFY payload still arrives (by id, loaded once)", async () => {
    const { conversation, visitor, agentWs } = await conversationWithSockets();
    const agent = await agentLogin(t.url);
    // 4,900 three-byte characters: about 15 kB, far over PostgreSQL's 8000-byte payload.
    const long = "€".repeat(4900);
    const reply = await api<{ message: Message }>(t.url, "POST", `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/${conversation.id}/messages`, {
      token: agent.accessToken,
      body: { content: long },
    });
    expect(reply.status).toBe(201);
    const arrived = await visitor.waitFor((f) => f.type === "message.created" && f.data.id === reply.body.message.id);
    expect(arrived.data.content).toBe(long);
    await agentWs.waitFor((f) => f.type === "message.created" && f.data.id === reply.body.message.id);
    visitor.close();
    agentWs.close();
  });
});
