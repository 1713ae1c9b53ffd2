/** A client flooding its socket cannot make the server buffer or work without bound: frames wait
 * in a bounded queue (overflow closes with 1008), typing frames are rate-limited, nothing queued
 * runs after the close, sockets per visitor and per IP are capped, and shutdown stays fast. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

const queries: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    onQuery: (query) => queries.push(query),
    env: { HUMMDESK_MAX_SOCKETS_PER_VISITOR: "3", HUMMDESK_MAX_SOCKETS_PER_IP: "12" },
  });
});
afterAll(async () => {
  await t?.close();
});

/** Statements of the app (not the hub's NOTIFYs, which include the LISTEN heartbeat). */
const appQueries = () => queries.filter((q) => !/pg_notify/i.test(q)).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function visitorSocket(token: string) {
  const socket = await TestSocket.open(t.url, "/widget/v1/ws");
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

/** Sends `count` copies of one frame as fast as the socket takes them. */
function flood(socket: TestSocket, frame: unknown, count: number) {
  const text = JSON.stringify(frame);
  for (let index = 0; index < count && socket.ws.readyState === socket.ws.OPEN; index++) socket.ws.send(text);
}

describe("a flooded socket", () => {
  test("100,000 resume frames: closed with 1008, memory bounded, no work after the close", async () => {
    const token = await visitorToken(t.url);
    await api(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: "flood-one-1", content: "Hei" } });
    const socket = await visitorSocket(token);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    queries.length = 0;
    flood(socket, { type: "resume", after: 0 }, 100_000);
    const closed = await socket.waitForClose(15_000);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain("frames waiting");
    await sleep(300);
    const afterClose = appQueries();
    await sleep(1000);
    // Nothing queued kept running: a resume costs a few queries, not 100,000 of them.
    expect(appQueries()).toBe(afterClose);
    expect(afterClose).toBeLessThan(200);
    global.gc?.();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  test("100,000 typing frames: the socket stays usable and agents see a handful", async () => {
    const token = await visitorToken(t.url);
    const sent = await api(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: "flood-two-2", content: "Hei" } });
    expect(sent.status).toBe(201);
    const agent = await agentLogin(t.url);
    const agentWs = await TestSocket.open(t.url, "/api/v1/ws");
    agentWs.send({ type: "auth", token: agent.accessToken, accountId: t.seeded.krauta.accountId });
    await agentWs.waitFor((f) => f.type === "ready");
    const socket = await visitorSocket(token);
    queries.length = 0;
    for (let index = 0; index < 100_000; index++) socket.ws.send(JSON.stringify({ type: "typing", on: index % 2 === 0 }));
    socket.send({ type: "ping" });
    await socket.waitFor((f) => f.type === "pong", 15_000);
    await sleep(300);
    const typing = agentWs.frames.filter((f) => f.type === "typing");
    expect(typing.length).toBeGreaterThan(0);
    expect(typing.length).toBeLessThan(20);
    expect(appQueries()).toBeLessThan(100);
    socket.close();
    agentWs.close();
  });

  test("a visitor holds at most 3 sockets (config); the 4th is closed with a reason", async () => {
    const token = await visitorToken(t.url);
    const open = [await visitorSocket(token), await visitorSocket(token), await visitorSocket(token)];
    const fourth = await TestSocket.open(t.url, "/widget/v1/ws");
    fourth.send({ type: "auth", token });
    const closed = await fourth.waitForClose();
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain("sockets for this visitor");
    open[0]!.close();
    await open[0]!.waitForClose();
    await sleep(100);
    const again = await visitorSocket(token);
    for (const socket of [...open.slice(1), again]) socket.close();
    await sleep(200);
  });

  test("an IP holds at most 12 sockets (config)", async () => {
    const sockets = await Promise.all(Array.from({ length: 12 }, () => TestSocket.open(t.url, "/widget/v1/ws")));
    const extra = await TestSocket.open(t.url, "/widget/v1/ws");
    const closed = await extra.waitForClose();
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain("from this address");
    for (const socket of sockets) socket.close();
  });
});

test("shutdown right after a flood stays fast", async () => {
  const other = await startTestApp();
  const token = await visitorToken(other.url);
  const sockets = await Promise.all(
    Array.from({ length: 5 }, async () => {
      const socket = await TestSocket.open(other.url, "/widget/v1/ws");
      socket.send({ type: "auth", token });
      await socket.waitFor((f) => f.type === "ready");
      return socket;
    }),
  );
  for (const socket of sockets) flood(socket, { type: "resume", after: 0 }, 20_000);
  const started = Date.now();
  await other.close();
  expect(Date.now() - started).toBeLessThan(5000);
});
