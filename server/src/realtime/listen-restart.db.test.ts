/** PostgreSQL restarts mid-conversation: the LISTEN connection is rebuilt and every socket is
 * caught up from the rows, so each message reaches the agent and the visitor exactly once, in
 * order, including those committed before LISTEN was back; a status change made in the gap
 * reaches both too, and an agent session ended in the gap closes its socket. (Its own PostgreSQL server: the
 * shared one must not restart under other suites. The LISTEN connection goes through a small TCP
 * proxy that stays shut for a while after the restart, so messages surely commit meanwhile.) */
import { createServer, type Server, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../db/client.ts";
import { type RunningPostgres, startEmbeddedPostgres } from "../../test/embedded-server.ts";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { testDriver } from "../../test/test-database.ts";

describe.runIf(testDriver() === "postgres")("PostgreSQL restarted mid-conversation", () => {
  let pg: RunningPostgres;
  let t: TestApp;
  let proxy: Server;
  let proxyShut = false;
  const piped = new Set<Socket>();

  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    const target = new URL(pg.url);
    proxy = createServer((client) => {
      if (proxyShut) return void client.destroy();
      const upstream = new Socket();
      upstream.connect(Number(target.port), target.hostname);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        a.pipe(b);
        a.on("error", () => b.destroy());
        a.on("close", () => b.destroy());
        piped.add(a);
        a.on("close", () => piped.delete(a));
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const address = proxy.address();
    const listenerUrl = new URL(pg.url);
    listenerUrl.port = String(typeof address === "object" && address ? address.port : 0);
    const database = await openDatabase({ url: pg.url, poolSize: 5 });
    t = await startTestApp({ database, listenHeartbeatMs: 250, listenerUrl: listenerUrl.toString() });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await t?.database.close();
    for (const socket of piped) socket.destroy();
    proxy?.close();
    await pg?.stop();
  }, 60_000);

  /** Sends until the server answers 201 (the widget retries the same clientMessageId likewise). */
  let conversationId = 0;
  async function send(token: string, clientMessageId: string, content: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const result = await api<{ message: { id: number; conversationId: number } }>(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId, content } }).catch(() => null);
      if (result?.status === 201) {
        conversationId = result.body.message.conversationId;
        return result.body.message.id;
      }
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
    // A second desk of the same agent, signed out while nobody listens.
    const other = await agentLogin(t.url);
    const otherWs = await TestSocket.open(t.url, "/api/v1/ws");
    otherWs.send({ type: "auth", token: other.accessToken, accountId: t.seeded.krauta.accountId });
    await otherWs.waitFor((f) => f.type === "ready");

    proxyShut = true;
    await pg.pause();
    await pg.start();
    // PostgreSQL is back but LISTEN is not yet: these commit while nobody listens.
    for (const n of [1, 2, 3]) ids.push(await send(token, `restart-after-${n}`, `Katkon jälkeen ${n}`));
    const pending = await api(t.url, "POST", `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/${conversationId}/status`, {
      token: agent.accessToken,
      body: { status: "pending" },
    });
    expect(pending.status).toBe(200);
    expect((await api(t.url, "POST", "/api/v1/auth/logout", { body: { refreshToken: other.refreshToken } })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 500));
    proxyShut = false;
    await new Promise((r) => setTimeout(r, 1500));
    for (const n of [4, 5]) ids.push(await send(token, `restart-after-${n}`, `Katkon jälkeen ${n}`));

    for (const socket of [agentWs, visitor]) {
      await socket.waitFor((f) => f.type === "message.created" && f.data.id === ids.at(-1), 20_000);
      await new Promise((r) => setTimeout(r, 300));
      // The visitor's own messages (the status change in the gap adds an activity line).
      const received = socket.frames.filter((f) => f.type === "message.created" && f.data.senderType === "contact").map((f) => f.data.id);
      expect(received).toEqual(ids.slice(1));
    }
    for (const socket of [agentWs, visitor]) {
      await socket.waitFor((f) => f.type === "conversation.updated" && f.data.id === conversationId && f.data.status === "pending", 20_000);
    }
    expect((await otherWs.waitForClose(20_000)).code).toBe(4401);
    agentWs.close();
    visitor.close();
  }, 120_000);
});
