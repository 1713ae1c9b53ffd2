/** The visitor API on a real server: every route's success, validation and auth failures,
 * isolation between visitors, idempotent sends, identity verification, origins, limits. */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ownerQuery } from "../../test/test-database.ts";
import { api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ rateLimits: { visitorSend: 25 } });
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;
const send = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  api<{ message: { id: number; conversationId: number }; created: boolean; error?: { code: string; message: string } }>(t.url, "POST", "/widget/v1/messages", {
    ...(token ? { token } : {}),
    body,
    headers,
  });

describe("config and visitor tokens", () => {
  test("config by website token; unknown token 404 with a clear message; overlong token 400", async () => {
    const ok = await api<{ inboxName: string; locale: string }>(t.url, "GET", "/widget/v1/inboxes/krauta-storefront-demo/config");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ inboxName: "K-Rauta verkkokauppa", locale: "fi" });
    expect(JSON.stringify(ok.body)).not.toMatch(/hmac|secret/i);
    // The promised reply time is the SLA policy's first-reply target for a new (medium) conversation;
    // while the business hours say closed, the next opening is given.
    const status = ok.body as unknown as { online: boolean; nextOpenAt: string | null; firstReplyTargetMinutes: number | null };
    expect(status.firstReplyTargetMinutes).toBe(240);
    if (status.nextOpenAt !== null) expect(Date.parse(status.nextOpenAt)).toBeGreaterThan(Date.now());
    const missing = await api<{ error: { message: string } }>(t.url, "GET", "/widget/v1/inboxes/nope/config");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("websiteToken 'nope' matches no inbox");
    expect((await api(t.url, "GET", `/widget/v1/inboxes/${"x".repeat(200)}/config`)).status).toBe(414);
  });

  test("a page view writes nothing; a refreshed token keeps the visitor", async () => {
    const count = async () => Number((await ownerQuery<{ n: number }>(t.database, "select count(*)::int as n from contacts"))[0]?.n);
    const before = await count();
    const first = await api<{ token: string; visitorId: string }>(t.url, "POST", "/widget/v1/inboxes/krauta-storefront-demo/visitors", { body: {} });
    expect(first.status).toBe(200);
    await api(t.url, "GET", "/widget/v1/messages", { token: first.body.token });
    const again = await api<{ token: string; visitorId: string }>(t.url, "POST", "/widget/v1/inboxes/krauta-storefront-demo/visitors", {
      body: { token: first.body.token },
    });
    expect(again.body.visitorId).toBe(first.body.visitorId);
    const forged = await api<{ visitorId: string }>(t.url, "POST", "/widget/v1/inboxes/krauta-storefront-demo/visitors", { body: { token: "garbage" } });
    expect(forged.body.visitorId).not.toBe(first.body.visitorId);
    expect(await count()).toBe(before);
  });
});

describe("messages", () => {
  test("unauthenticated 401; invalid body 400; first message creates contact and conversation; history after an id", async () => {
    expect((await send(undefined, { clientMessageId: cmid(), content: "hei" })).status).toBe(401);
    expect((await send("not-a-token", { clientMessageId: cmid(), content: "hei" })).status).toBe(401);
    const token = await visitorToken(t.url);
    const invalid = await send(token, { clientMessageId: "x", content: "" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.code).toBe("invalid_request");
    const first = await send(token, { clientMessageId: cmid(), content: "Hei! Missä tilaukseni on?" });
    expect(first.status).toBe(201);
    const second = await send(token, { clientMessageId: cmid(), content: "Tilausnumero KR123" });
    expect(second.body.message.conversationId).toBe(first.body.message.conversationId);
    const all = await api<{ messages: { id: number; content: string }[] }>(t.url, "GET", "/widget/v1/messages", { token });
    expect(all.body.messages.map((m) => m.content)).toEqual(["Hei! Missä tilaukseni on?", "Tilausnumero KR123"]);
    const after = await api<{ messages: { content: string }[] }>(t.url, "GET", `/widget/v1/messages?after=${first.body.message.id}`, { token });
    expect(after.body.messages.map((m) => m.content)).toEqual(["Tilausnumero KR123"]);
    expect((await api(t.url, "GET", "/widget/v1/messages?after=-4", { token })).status).toBe(400);
  });

  test("the same clientMessageId five times concurrently: one row, one broadcast, the same id", async () => {
    const token = await visitorToken(t.url);
    const socket = await TestSocket.open(t.url, "/widget/v1/ws");
    socket.send({ type: "auth", token });
    await socket.waitFor((f) => f.type === "ready");
    const body = { clientMessageId: cmid(), content: "Onko porakone varastossa?" };
    const results = await Promise.all(Array.from({ length: 5 }, () => send(token, body)));
    expect(new Set(results.map((r) => r.body.message.id)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const retry = await send(token, body);
    expect(retry.status).toBe(200);
    expect(retry.body.created).toBe(false);
    await t.app.gateway.drain();
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.frames.filter((f) => f.type === "message.created")).toHaveLength(1);
    const rows = await ownerQuery<{ n: number }>(t.database, `select count(*)::int as n from messages where client_message_id = '${body.clientMessageId}'`);
    expect(Number(rows[0]?.n)).toBe(1);
    socket.close();
  });

  test("visitor X cannot read, subscribe to or post into Y's conversation", async () => {
    const x = await visitorToken(t.url);
    const y = await visitorToken(t.url);
    const yMessage = await send(y, { clientMessageId: cmid(), content: "Y:n salainen kysymys" });
    const read = await api(t.url, "GET", `/widget/v1/messages?conversationId=${yMessage.body.message.conversationId}`, { token: x });
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain("salainen");
    const xSocket = await TestSocket.open(t.url, "/widget/v1/ws");
    xSocket.send({ type: "auth", token: x });
    await xSocket.waitFor((f) => f.type === "ready");
    xSocket.send({ type: "resume", after: 0 });
    await send(y, { clientMessageId: cmid(), content: "Y taas" });
    const xOwn = await send(x, { clientMessageId: cmid(), content: "X:n viesti" });
    expect(xOwn.body.message.conversationId).not.toBe(yMessage.body.message.conversationId);
    await xSocket.waitFor((f) => f.type === "message.created" && f.data.content === "X:n viesti");
    expect(JSON.stringify(xSocket.frames)).not.toContain("Y taas");
    expect(JSON.stringify(xSocket.frames)).not.toContain("salainen");
    // A neighbour tenant's visitor token is bound to its own inbox and account.
    const neighbour = await visitorToken(t.url, "tradgardsboden-web");
    const n = await send(neighbour, { clientMessageId: cmid(), content: "Hej från grannen" });
    expect(n.status).toBe(201);
    expect(JSON.stringify(xSocket.frames)).not.toContain("grannen");
    xSocket.close();
  });

  test("hand-off: the visitor asks for a person; a second request changes nothing; without a conversation 404", async () => {
    const fresh = await visitorToken(t.url);
    expect((await api(t.url, "POST", "/widget/v1/handoff", { token: fresh, body: {} })).status).toBe(404);
    await send(fresh, { clientMessageId: cmid(), content: "Haluan puhua ihmiselle" });
    const handed = await api<{ conversation: { id: number } }>(t.url, "POST", "/widget/v1/handoff", { token: fresh, body: { reason: "monimutkainen tilaus" } });
    expect(handed.status).toBe(200);
    const conversation = await createTenantService(t.database.db, t.seeded.krauta.accountId).getConversation(handed.body.conversation.id);
    expect(conversation).toMatchObject({ handoffRequested: true, aiEnabled: false });
    expect((await api(t.url, "POST", "/widget/v1/handoff", { token: fresh, body: {} })).status).toBe(200);
    const history = await api<{ messages: { senderType: string }[] }>(t.url, "GET", "/widget/v1/messages", { token: fresh });
    expect(history.body.messages.filter((m) => m.senderType === "system")).toHaveLength(1);
  });

  test("a 2 MB body is refused with 413", async () => {
    const token = await visitorToken(t.url);
    const huge = await send(token, { clientMessageId: cmid(), content: "a".repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe("payload_too_large");
  });
});

describe("identity, attributes and origins", () => {
  test("identify with a valid hash is accepted; a wrong hash is refused; enforced inboxes refuse unidentified sends", async () => {
    const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
    const inbox = await tenant.createInbox({ name: "Tunnistettu", websiteToken: "krauta-verified", enforceIdentity: true });
    const token = await visitorToken(t.url, "krauta-verified");
    expect((await send(token, { clientMessageId: cmid(), content: "hei" })).status).toBe(403);
    const wrong = await api<{ error: { code: string } }>(t.url, "POST", "/widget/v1/identify", { token, body: { identifier: "cust-7", identifierHash: "0".repeat(64) } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("identity_not_verified");
    expect((await api(t.url, "POST", "/widget/v1/identify", { token, body: { identifier: "cust-7" } })).status).toBe(401);
    const hash = createHmac("sha256", inbox.hmacSecret).update("cust-7").digest("hex");
    const ok = await api<{ token: string }>(t.url, "POST", "/widget/v1/identify", { token, body: { identifier: "cust-7", identifierHash: hash, name: "Maija", email: "maija@example.fi" } });
    expect(ok.status).toBe(200);
    const sent = await send(ok.body.token, { clientMessageId: cmid(), content: "Hei, olen Maija" });
    expect(sent.status).toBe(201);
    const contact = await tenant.findContactByIdentifier("cust-7");
    expect(contact).toMatchObject({ name: "Maija", email: "maija@example.fi" });
    const attrs = await api<{ token: string }>(t.url, "POST", "/widget/v1/attributes", { token: ok.body.token, body: { customAttributes: { plan: "pro" } } });
    expect(attrs.status).toBe(200);
    expect((await tenant.findContactByIdentifier("cust-7"))?.customAttributes).toEqual({ plan: "pro" });
    expect((await api(t.url, "POST", "/widget/v1/attributes", { token: ok.body.token, body: { customAttributes: "nope" } })).status).toBe(400);
  });

  test("an inbox with allowed origins refuses other origins on REST and on the websocket", async () => {
    const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
    await tenant.createInbox({ name: "Rajattu", websiteToken: "krauta-origin", allowedOrigins: ["https://shop.k-rauta.example"] });
    const good = { origin: "https://shop.k-rauta.example" };
    const evil = { origin: "https://evil.example" };
    const issued = await api<{ token: string }>(t.url, "POST", "/widget/v1/inboxes/krauta-origin/visitors", { body: {}, headers: good });
    expect(issued.status).toBe(200);
    expect(issued.headers.get("access-control-allow-origin")).toBe("https://shop.k-rauta.example");
    expect((await api(t.url, "POST", "/widget/v1/inboxes/krauta-origin/visitors", { body: {}, headers: evil })).status).toBe(403);
    expect((await send(issued.body.token, { clientMessageId: cmid(), content: "hei" }, evil)).status).toBe(403);
    expect((await send(issued.body.token, { clientMessageId: cmid(), content: "hei" }, good)).status).toBe(201);
    const socket = await TestSocket.open(t.url, "/widget/v1/ws", evil);
    socket.send({ type: "auth", token: issued.body.token });
    expect((await socket.waitForClose()).code).toBe(1008);
  });
});

describe("rate limits", () => {
  test("a noisy visitor gets 429 with Retry-After; another account's visitors are not affected", async () => {
    const noisy = await visitorToken(t.url);
    const statuses: number[] = [];
    for (let i = 0; i < 27; i++) statuses.push((await send(noisy, { clientMessageId: cmid(), content: `viesti ${i}` })).status);
    expect(statuses.filter((s) => s === 201).length).toBe(25);
    const limited = await send(noisy, { clientMessageId: cmid(), content: "vielä" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const neighbour = await visitorToken(t.url, "tradgardsboden-web");
    expect((await send(neighbour, { clientMessageId: cmid(), content: "Hej" })).status).toBe(201);
  });
});

describe("client addresses", () => {
  test("X-Forwarded-For is not trusted unless configured: a client cannot pick its way around per-IP limits", async () => {
    const strict = await startTestApp({ rateLimits: { publicIp: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const r = await api(strict.url, "GET", "/widget/v1/inboxes/krauta-storefront-demo/config", { headers: { "x-forwarded-for": `10.0.0.${i + 1}` } });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});
