/** Hand-picked hostile input (the generated kind lives in bad-input.db.test.ts): NUL bytes in
 * every kind of text, crafted cursors, oversized identities, script and data URLs. Each is a
 * 400 with a reason, never a 500. */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";

let t: TestApp;
let access: string;
let account: string;
beforeAll(async () => {
  t = await startTestApp();
  access = (await agentLogin(t.url, "admin@k-rauta.example", "hummdesk-admin")).accessToken;
  account = `/api/v1/accounts/${t.seeded.krauta.accountId}`;
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;
const b64 = (s: string) => Buffer.from(s).toString("base64url");

describe("NUL bytes", () => {
  test("visitor text with NUL is refused with 400 on every route", async () => {
    const token = await visitorToken(t.url);
    const cases: [string, unknown][] = [
      ["/widget/v1/messages", { clientMessageId: cmid(), content: "hei\u0000maailma" }],
      ["/widget/v1/identify", { identifier: "cust\u00001" }],
      ["/widget/v1/identify", { identifier: "cust-1", name: "Nul\u0000Name" }],
      ["/widget/v1/attributes", { name: "Nul\u0000Name" }],
      ["/widget/v1/attributes", { customAttributes: { plan: "a\u0000b" } }],
      ["/widget/v1/attributes", { customAttributes: { "a\u0000b": "plan" } }],
    ];
    for (const [path, body] of cases) {
      const response = await api<{ error: { code: string } }>(t.url, "POST", path, { token, body });
      expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
      expect(response.body.error.code).toBe("invalid_request");
    }
    expect((await api(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: cmid(), content: "hei" } })).status).toBe(201);
    expect((await api(t.url, "POST", "/widget/v1/handoff", { token, body: { reason: "a\u0000b" } })).status).toBe(400);
  });

  test("agent text with NUL is refused with 400", async () => {
    const token = await visitorToken(t.url);
    const sent = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: cmid(), content: "hei" } });
    const cases: [string, string, unknown][] = [
      ["POST", `${account}/conversations/${sent.body.message.conversationId}/messages`, { content: "vastaus\u0000" }],
      ["POST", `${account}/articles`, { title: "T\u0000", body: "body", language: "fi" }],
      ["POST", `${account}/articles`, { title: "T", body: "b\u0000ody", language: "fi" }],
      ["POST", `${account}/teams`, { name: "Tiimi\u0000" }],
      ["PATCH", `${account}/inboxes/${t.seeded.krauta.inboxId}`, { name: "Inbox\u0000" }],
      ["PATCH", `${account}/inboxes/${t.seeded.krauta.inboxId}`, { greeting: { fi: "Hei\u0000" } }],
    ];
    for (const [method, path, body] of cases) {
      const response = await api(t.url, method, path, { token: access, body });
      expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
    }
  });
});

describe("cursors and ids", () => {
  test.each([
    ["a timestamp PostgreSQL cannot read", b64("1|5")],
    ["an id past bigint", b64("2026-01-01T00:00:00.000Z|99999999999999999999999")],
    ["a date with a NUL", b64("2026-01-01T00:00:00.000Z\u0000|5")],
    ["a year past PostgreSQL's range", b64("+275760-09-13T00:00:00.000Z|5")],
    ["no separator", b64("garbage")],
    ["not base64 at all", "%%%"],
  ])("a crafted conversation cursor (%s) is a 400", async (_name, cursor) => {
    const response = await api<{ error: { code: string } }>(t.url, "GET", `${account}/conversations?cursor=${encodeURIComponent(cursor)}`, { token: access });
    expect(response.status).toBe(400);
  });

  test("huge ids and cursors elsewhere are 400s", async () => {
    const token = await visitorToken(t.url);
    for (const path of ["/widget/v1/messages?after=1e300", "/widget/v1/messages?after=99999999999999999999", "/widget/v1/messages?conversationId=1e30"]) {
      expect({ path, status: (await api(t.url, "GET", path, { token })).status }).toEqual({ path, status: 400 });
    }
    for (const path of [`${account}/audit-logs?cursor=1e300`, `${account}/conversations/99999999999999999999`]) {
      expect({ path, status: (await api(t.url, "GET", path, { token: access })).status }).toEqual({ path, status: 400 });
    }
  });
});

describe("identity size and URLs", () => {
  test("identify has the 4 kB cap of setAttributes", async () => {
    const token = await visitorToken(t.url);
    const customAttributes = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, "x".repeat(1000)]));
    const identify = await api<{ error: { message: string } }>(t.url, "POST", "/widget/v1/identify", { token, body: { identifier: "cust-big", customAttributes } });
    expect(identify.status).toBe(400);
    expect(identify.body.error.message).toContain("4 kB");
    expect((await api(t.url, "POST", "/widget/v1/attributes", { token, body: { customAttributes } })).status).toBe(400);
  });

  test.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JAVASCRIPT:alert(1)", "ftp://files.example/x", "vbscript:x"])(
    "an article url or inbox websiteUrl %s is refused; https is fine",
    async (url) => {
      const article = await api(t.url, "POST", `${account}/articles`, { token: access, body: { title: "Ohje", body: "Teksti", language: "fi", url } });
      expect(article.status).toBe(400);
      const inbox = await api(t.url, "PATCH", `${account}/inboxes/${t.seeded.krauta.inboxId}`, { token: access, body: { websiteUrl: url } });
      expect(inbox.status).toBe(400);
      const ok = await api(t.url, "POST", `${account}/articles`, { token: access, body: { title: "Ohje", body: "Teksti", language: "fi", url: "https://k-rauta.example/ohje" } });
      expect(ok.status).toBe(201);
    },
  );
});

describe("a forged Host header", () => {
  /** A GET with a Host header fetch() would not send. */
  const getWithHost = (path: string, host: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, t.url);
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { ...headers, host } }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on("error", reject);
      request.end();
    });

  test("is refused with 400 where the page or a snippet would carry it, and never echoed", async () => {
    const forged = ['evil.example"><img src=x onerror=alert(1)>', 'evil.example"x', "evil.example/path"];
    for (const host of forged) {
      for (const [path, headers] of [
        ["/", {}],
        [`${account}/inboxes/${t.seeded.krauta.inboxId}/snippet`, { authorization: `Bearer ${access}` }],
      ] as const) {
        const { status, body } = await getWithHost(path, host, headers);
        expect({ host, path, status }).toEqual({ host, path, status: 400 });
        expect(body).not.toContain("evil.example");
      }
    }
    // A real host name, with a port, still gets the page and its snippet.
    const ok = await getWithHost("/", "shop.k-rauta.example:8080");
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<script async src="http://shop.k-rauta.example:8080/widget.js">');
  });
});
