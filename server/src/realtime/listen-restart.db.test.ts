/** PostgreSQL restarts mid-conversation: the LISTEN connection is rebuilt and every socket is
 * caught up from the rows, so each message reaches the agent and the visitor exactly once, in
 * order, including those committed before LISTEN was back. (Its own PostgreSQL server: the
 * shared one must not restart under other suites.) */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../db/client.ts";
import { type RunningPostgres, startEmbeddedPostgres } from "../../test/embedded-server.ts";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { testDriver } from "../../test/test-database.ts";

describe.runIf(testDriver() === "postgres")("PostgreSQL restarted mid-conversation", () => {
  let pg: RunningPostgres;
  let t: TestApp;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    const database = await openDatabase({ url: pg.url, poolSize: 5 });
    t = await startTestApp({ database, listenHeartbeatMs: 250 });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await t?.database.close();
    await pg?.stop();
  }, 60_000);

  /** Sends until the server answers 201 (the widget retries the same clientMessageId likewise). */
  async function send(token: string, clientMessageId: string, content: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const result = await api<{ message: { id: number } }>(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId, content } }).catch(() => null);
      if (result?.status === 201) return result.body.message.id;
      if (attempt > 100) throw new Error(`send failed: ${result?.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  test("every message reaches both sockets exactly once, in order", async () => {
    const token = await visitorToken(t.url);
    const ids = [await send(token, "restart-before-1", "Ennen katkoa")];
    const agent = await agentLogin(t.url);
    const agentWs = await TestSocket.open(t.url, "/api/v1/ws");
    agentWs.send({ type: "auth", token: agent.accessToken, accountId: t.seeded.krauta.accountId });
    await agentWs.waitFor((f) => f.type === "ready");
    agentWs.send({ type: "resume", after: ids[0]! });
    const visitor = await TestSocket.open(t.url, "/widget/v1/ws");
    visitor.send({ type: "auth", token });
    await visitor.waitFor((f) => f.type === "ready");
    visitor.send({ type: "resume", after: ids[0]! });
    ids.push(await send(token, "restart-before-2", "Vielä ennen katkoa"));
    await visitor.waitFor((f) => f.type === "message.created" && f.data.id === ids[1]);

    await pg.pause();
    await pg.start();
    // Straight after the restart, before the LISTEN connection is noticed gone and rebuilt.
    for (const n of [1, 2, 3]) ids.push(await send(token, `restart-after-${n}`, `Katkon jälkeen ${n}`));
    await new Promise((r) => setTimeout(r, 1500));
    for (const n of [4, 5]) ids.push(await send(token, `restart-after-${n}`, `Katkon jälkeen ${n}`));

    for (const socket of [agentWs, visitor]) {
      await socket.waitFor((f) => f.type === "message.created" && f.data.id === ids.at(-1), 20_000);
      await new Promise((r) => setTimeout(r, 300));
      const received = socket.frames.filter((f) => f.type === "message.created").map((f) => f.data.id);
      expect(received).toEqual(ids.slice(1));
    }
    agentWs.close();
    visitor.close();
  }, 120_000);
});
