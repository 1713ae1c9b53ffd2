/** A steady-state visitor send (contact and open conversation exist) costs at most 3 database
 * round trips, counted on the wire by a proxy in front of PostgreSQL; the one-statement path
 * keeps idempotency and the resolved-conversation retry. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../db/client.ts";
import { startRoundTripCounter, type RoundTripCounter } from "../../test/round-trip-counter.ts";
import { createSeededTestDatabase, ownerQuery, type TestDatabase, testDriver } from "../../test/test-database.ts";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

const onPostgres = testDriver() === "postgres";
let t: TestApp;
let counter: RoundTripCounter | null = null;
let base: TestDatabase;

beforeAll(async () => {
  const fresh = await createSeededTestDatabase();
  base = fresh.database;
  if (onPostgres) {
    counter = await startRoundTripCounter(base.url!);
    const proxied = await openDatabase({ url: counter.url, poolSize: 4, migrate: false });
    t = await startTestApp({ database: proxied, seeded: fresh.seeded });
  } else {
    t = await startTestApp({ database: base, seeded: fresh.seeded });
  }
});
afterAll(async () => {
  await t.close();
  if (onPostgres) await t.database.close();
  await counter?.close();
  await base.close();
});

let sequence = 0;
const send = (token: string, clientMessageId = `rt-${++sequence}-${Date.now()}`, content = `viesti ${sequence}`) =>
  api<{ message: { id: number; conversationId: number }; created: boolean }>(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId, content } });

describe("the steady-state send", () => {
  test.skipIf(!onPostgres)("costs at most 3 round trips (counted on the wire)", async () => {
    const token = await visitorToken(t.url);
    expect((await send(token)).status).toBe(201); // first message: contact + conversation (the longer path)
    for (let i = 0; i < 5; i++) expect((await send(token)).status).toBe(201); // warm: statements prepared, caches filled
    counter!.reset();
    const sends = 20;
    for (let i = 0; i < sends; i++) expect((await send(token)).status).toBe(201);
    const perSend = counter!.count() / sends;
    expect(perSend, `${perSend} round trips per steady-state send`).toBeLessThanOrEqual(3);
  });

  test("writes the message, bumps unread and writes the AI job; a retry is the same message", async () => {
    const token = await visitorToken(t.url);
    const first = await send(token);
    const second = await send(token, "steady-dup-1", "toinen");
    expect(second.status).toBe(201);
    const again = await send(token, "steady-dup-1", "toinen");
    expect(again.status).toBe(200);
    expect(again.body.message.id).toBe(second.body.message.id);
    const conversationId = first.body.message.conversationId;
    const [row] = await ownerQuery<{ unread: number; jobs: number; messages: number }>(
      t.database,
      `select c.unread_count as unread,
              (select count(*)::int from jobs j where j.unique_key = 'message:' || ${second.body.message.id}) as jobs,
              (select count(*)::int from messages m where m.conversation_id = c.id) as messages
         from conversations c where c.id = ${conversationId}`,
    );
    expect(row).toEqual({ unread: 2, jobs: 1, messages: 2 });
  });

  test("a retry after the conversation was resolved finds its message; a new message opens a new conversation", async () => {
    const token = await visitorToken(t.url);
    await send(token);
    const kept = await send(token, "before-resolve", "ennen");
    await ownerQuery(t.database, `update conversations set status = 'resolved' where id = ${kept.body.message.conversationId}`);
    const retry = await send(token, "before-resolve", "ennen");
    expect(retry.status).toBe(200);
    expect(retry.body.message.id).toBe(kept.body.message.id);
    const next = await send(token);
    expect(next.status).toBe(201);
    expect(next.body.message.conversationId).not.toBe(kept.body.message.conversationId);
  });
});

describe("typing frames", () => {
  test.skipIf(!onPostgres)("look the open conversation up once per few seconds, not once per frame", async () => {
    const token = await visitorToken(t.url);
    expect((await send(token)).status).toBe(201);
    const agent = await agentLogin(t.url);
    const agentWs = await TestSocket.open(t.url, "/api/v1/ws");
    agentWs.send({ type: "auth", token: agent.accessToken, accountId: t.seeded.krauta.accountId });
    await agentWs.waitFor((f) => f.type === "ready");
    const visitor = await TestSocket.open(t.url, "/widget/v1/ws");
    visitor.send({ type: "auth", token });
    await visitor.waitFor((f) => f.type === "ready");
    counter!.reset();
    const frames = 10;
    for (let i = 0; i < frames; i++) {
      visitor.send({ type: "typing", on: i % 2 === 0 });
      await new Promise((r) => setTimeout(r, 120));
    }
    await agentWs.waitFor((f) => f.type === "typing" && f.data.on === false);
    const trips = counter!.count();
    // Each frame is one NOTIFY (other nodes hold agent sockets too); the look-up of the open
    // conversation (a short transaction) comes on top once, not once per frame.
    expect(trips, `${trips} round trips for ${frames} typing frames`).toBeLessThanOrEqual(frames + 4);
    agentWs.close();
    visitor.close();
  });
});
