/** Slow and idle clients cannot hold sockets: partial headers, idle connections and slow requests
 * are closed by their deadlines, while an upgraded websocket is left alone. */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { HUMMDESK_HEADERS_TIMEOUT_MS: "500", HUMMDESK_REQUEST_TIMEOUT_MS: "1500", HUMMDESK_CONNECTION_TIMEOUT_MS: "3000" } });
});
afterAll(async () => {
  await t.close();
});

function open(): Promise<{ socket: Socket; closed: Promise<{ afterMs: number; received: string }> }> {
  const port = Number(new URL(t.url).port);
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      const started = Date.now();
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      const closed = new Promise<{ afterMs: number; received: string }>((done) => socket.on("close", () => done({ afterMs: Date.now() - started, received })));
      resolve({ socket, closed });
    });
    socket.on("error", reject);
  });
}

test("a client that sends its headers a byte at a time is cut off at the header deadline", async () => {
  const { socket, closed } = await open();
  socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\n");
  // Slowloris: a header line every 100 ms keeps the socket busy, so only a header deadline helps.
  const drip = setInterval(() => {
    if (!socket.destroyed) socket.write(`X-Slow-${Math.random().toString(36).slice(2, 6)}: a\r\n`);
  }, 100);
  try {
    const result = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 8000))]);
    expect(result, "the server kept the slow-header connection open").not.toBeNull();
    expect(result!.afterMs).toBeLessThan(5000);
  } finally {
    clearInterval(drip);
    socket.destroy();
  }
});

test("an idle connection that never sends a request is closed", async () => {
  const { socket, closed } = await open();
  const result = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 8000))]);
  socket.destroy();
  expect(result, "the server kept the idle connection open").not.toBeNull();
});

test("a websocket idle longer than every HTTP deadline stays open", async () => {
  const token = await visitorToken(t.url);
  const ws = await TestSocket.open(t.url, "/widget/v1/ws");
  ws.send({ type: "auth", token });
  await ws.waitFor((f) => f.type === "ready");
  await new Promise((r) => setTimeout(r, 4500));
  expect(ws.closed).toBeNull();
  ws.close();
});
