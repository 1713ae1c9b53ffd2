/** Generated garbage on every public route and both sockets: only 4xx answers or close codes
 * 1008/1009, never a 5xx, never a crash. */
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { agentLogin, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

let t: TestApp;
let token: string;
let access: string;
beforeAll(async () => {
  t = await startTestApp({ rateLimits: { visitorIp: 1e6, visitorSend: 1e6, publicIp: 1e6, login: 1e6, agentUser: 1e6 } });
  token = await visitorToken(t.url);
  access = (await agentLogin(t.url)).accessToken;
});
afterAll(async () => {
  await t.close();
});

const routes = (): { method: "POST" | "PUT" | "PATCH"; url: string; auth?: "visitor" | "agent" }[] => [
  { method: "POST", url: "/widget/v1/inboxes/krauta-storefront-demo/visitors" },
  { method: "POST", url: "/widget/v1/identify", auth: "visitor" },
  { method: "POST", url: "/widget/v1/attributes", auth: "visitor" },
  { method: "POST", url: "/widget/v1/messages", auth: "visitor" },
  { method: "POST", url: "/widget/v1/handoff", auth: "visitor" },
  { method: "POST", url: "/api/v1/auth/login" },
  { method: "POST", url: "/api/v1/auth/refresh" },
  { method: "POST", url: "/api/v1/auth/logout" },
  { method: "POST", url: `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/1/messages`, auth: "agent" },
  { method: "POST", url: `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/1/assign`, auth: "agent" },
  { method: "PATCH", url: `/api/v1/accounts/${t.seeded.krauta.accountId}/inboxes/${t.seeded.krauta.inboxId}`, auth: "agent" },
  { method: "POST", url: `/api/v1/accounts/${t.seeded.krauta.accountId}/articles`, auth: "agent" },
  { method: "PUT", url: `/api/v1/accounts/${t.seeded.krauta.accountId}/agents/me/availability`, auth: "agent" },
];

test("generated JSON bodies on every public and agent route never produce a 5xx", async () => {
  for (const route of routes()) {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const response = await t.app.inject({
          method: route.method,
          url: route.url,
          headers: {
            "content-type": "application/json",
            ...(route.auth === "visitor" ? { authorization: `Bearer ${token}` } : route.auth === "agent" ? { authorization: `Bearer ${access}` } : {}),
          },
          payload: JSON.stringify(body),
        });
        expect({ route: route.url, status: response.statusCode < 500, json: response.json().error !== undefined || response.statusCode < 300 }).toEqual({
          route: route.url,
          status: true,
          json: true,
        });
      }),
      { numRuns: 40 },
    );
  }
});

test("generated query strings and raw bodies never produce a 5xx", async () => {
  await fc.assert(
    fc.asyncProperty(fc.string(), fc.string(), async (query, raw) => {
      const get = await t.app.inject({ method: "GET", url: `/widget/v1/messages?after=${encodeURIComponent(query)}&conversationId=${encodeURIComponent(raw)}`, headers: { authorization: `Bearer ${token}` } });
      expect(get.statusCode).toBeLessThan(500);
      const post = await t.app.inject({ method: "POST", url: "/widget/v1/messages", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: raw });
      expect(post.statusCode).toBeLessThan(500);
      const list = await t.app.inject({
        method: "GET",
        url: `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations?status=${encodeURIComponent(query)}&cursor=${encodeURIComponent(raw)}`,
        headers: { authorization: `Bearer ${access}` },
      });
      expect(list.statusCode).toBeLessThan(500);
    }),
    { numRuns: 60 },
  );
});

test("generated frames on both sockets close with 1008/1009 or are answered, never crash the server", async () => {
  const frame = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string(),
    fc.record({ type: fc.constantFrom("auth", "resume", "typing", "ping", "x"), token: fc.string(), after: fc.oneof(fc.integer(), fc.string()), on: fc.anything() }).map((v) => JSON.stringify(v)),
  );
  for (const path of ["/widget/v1/ws", "/api/v1/ws"]) {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 4 }), async (authenticate, frames) => {
        const socket = await TestSocket.open(t.url, path);
        if (authenticate) {
          socket.send(path.startsWith("/widget") ? { type: "auth", token } : { type: "auth", token: access, accountId: t.seeded.krauta.accountId });
          await socket.waitFor((f) => f.type === "ready");
        }
        for (const f of frames) socket.send(f);
        socket.send({ type: "ping" });
        const outcome = await Promise.race([
          socket.waitFor((f) => f.type === "pong", 3000).then(() => "answered"),
          socket.waitForClose(3000).then((c) => c.code),
        ]).catch(() => (socket.closed ? socket.closed.code : "answered"));
        expect([1008, 1009, "answered"]).toContain(outcome);
        socket.ws.terminate();
      }),
      { numRuns: 25 },
    );
  }
  const health = await fetch(`${t.url}/health`);
  expect(health.status).toBe(200);
});
