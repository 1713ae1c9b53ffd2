/** Inboxes through the real server: list, create (the secret shown once), configure, snippet,
 * secret; every change audited, and a new inbox works for visitors at once. */
import type { AuditLog, Inbox } from "@hummdesk/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { expectOnlyError, type SignedIn, signIn } from "./agent-test-kit.ts";

let testApp: TestApp;
let who: SignedIn;

beforeAll(async () => {
  testApp = await startTestApp({ ai: { workers: 0 } });
  who = await signIn(testApp);
});
afterAll(async () => {
  await testApp.close();
});

const call = <T>(method: string, path: string, token: string, body?: unknown) => api<T>(testApp.url, method, `${who.base}${path}`, { token, ...(body !== undefined ? { body } : {}) });
const audit = async (action: string): Promise<AuditLog[]> =>
  (await createTenantService(testApp.database.db, who.krauta).listAudit({ limit: 1000 })).entries.filter((e) => e.action === action);

describe("inboxes", () => {
  let created: Inbox & { hmacSecret: string };

  beforeAll(async () => {
    const response = await call<{ inbox: Inbox & { hmacSecret: string } }>("POST", "/inboxes", who.admin.token, {
      name: "Kevätkampanja",
      allowedOrigins: ["https://kampanja.k-rauta.example"],
      color: "#00a651",
      locale: "sv",
      greeting: { sv: "Hej!" },
      aiMode: "off",
      teamIds: [testApp.seeded.krauta.teamIds["palautukset"]!],
    });
    expect(response.status).toBe(201);
    created = response.body.inbox;
  });

  test("create: 201 with the settings, a website token and the secret (shown this once)", async () => {
    expect(created).toMatchObject({ name: "Kevätkampanja", color: "#00a651", locale: "sv", aiMode: "off", position: "right", channel: "web_widget" });
    expect(created.websiteToken.length).toBeGreaterThanOrEqual(16);
    expect(created.hmacSecret).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = (await audit("inbox.create")).filter((e) => e.entityId === String(created.id));
    expect(entry).toMatchObject({ actorId: who.admin.userId, after: { name: "Kevätkampanja" } });
    expect(JSON.stringify(entry)).not.toContain(created.hmacSecret);
  });

  test("a new inbox serves its widget config to visitors at once", async () => {
    const config = await api<{ inboxName: string; color: string }>(testApp.url, "GET", `/widget/v1/inboxes/${created.websiteToken}/config`);
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({ inboxName: "Kevätkampanja", color: "#00a651" });
  });

  test("list: every inbox of the account, never a secret", async () => {
    const { status, body } = await call<{ inboxes: Inbox[] }>("GET", "/inboxes", who.agent.token);
    expect(status).toBe(200);
    expect(body.inboxes.map((i) => i.name)).toEqual(["K-Rauta verkkokauppa", "Kevätkampanja"]);
    expect(JSON.stringify(body)).not.toMatch(/hmacSecret|hmac_secret/);
    expect(JSON.stringify(body)).not.toContain(created.hmacSecret);
  });

  test("update changes only the fields named, and is audited with before and after", async () => {
    const { status, body } = await call<{ inbox: Inbox }>("PATCH", `/inboxes/${created.id}`, who.admin.token, { name: "Kesäkampanja", aiMode: "suggest" });
    expect(status).toBe(200);
    expect(body.inbox).toMatchObject({
      name: "Kesäkampanja",
      aiMode: "suggest",
      // Left as they were: a PATCH never resets what it does not name.
      color: "#00a651",
      locale: "sv",
      greeting: { sv: "Hej!" },
      allowedOrigins: ["https://kampanja.k-rauta.example"],
    });
    expect(body.inbox).not.toHaveProperty("hmacSecret");
    const [entry] = await audit("inbox.update");
    expect(entry).toMatchObject({ entityId: String(created.id), before: { name: "Kevätkampanja", aiMode: "off" }, after: { name: "Kesäkampanja", aiMode: "suggest" } });
  });

  test("the visitor API sees an update at once (its inbox cache is invalidated)", async () => {
    const config = () => api<{ color: string }>(testApp.url, "GET", `/widget/v1/inboxes/${created.websiteToken}/config`);
    expect((await config()).status).toBe(200); // now cached
    expect((await call("PATCH", `/inboxes/${created.id}`, who.admin.token, { color: "#123abc" })).status).toBe(200);
    expect((await config()).body.color).toBe("#123abc");
    expect((await call("PATCH", `/inboxes/${created.id}`, who.admin.token, { color: "#00a651" })).status).toBe(200);
  });

  test("teams that do not exist in the account -> 400, and nothing is created", async () => {
    const before = (await call<{ inboxes: Inbox[] }>("GET", "/inboxes", who.admin.token)).body.inboxes.length;
    const response = await call("POST", "/inboxes", who.admin.token, { name: "Väärä tiimi", teamIds: [testApp.seeded.neighbour.teamId] });
    expect(response.status).toBe(400);
    expectOnlyError(response.body, "invalid_request");
    expect(JSON.stringify(response.body)).toContain(`team ${testApp.seeded.neighbour.teamId} does not exist`);
    expect((await call<{ inboxes: Inbox[] }>("GET", "/inboxes", who.admin.token)).body.inboxes).toHaveLength(before);
    const patch = await call("PATCH", `/inboxes/${created.id}`, who.admin.token, { teamIds: [testApp.seeded.neighbour.teamId] });
    expect(patch.status).toBe(400);
  });

  test("snippet: the loader with this server's address and the inbox's token, and nothing secret", async () => {
    const { status, body } = await call<{ snippet: string; websiteToken: string }>("GET", `/inboxes/${created.id}/snippet`, who.agent.token);
    expect(status).toBe(200);
    expect(body.websiteToken).toBe(created.websiteToken);
    // The config preload and widget.js as tags (found by the preload scanner), then the inline loader.
    expect(body.snippet).toMatch(/^<link rel="preload" as="fetch" crossorigin href="[^"]+\/config">\n<script async src="[^"]+"><\/script>\n<script>\n/);
    expect(body.snippet).toContain(`<script async src="${testApp.url}/widget.js">`);
    expect(body.snippet).toContain(`href="${testApp.url}/widget/v1/inboxes/${created.websiteToken}/config"`);
    expect(body.snippet).toContain(`"websiteToken":"${created.websiteToken}"`);
    expect(body.snippet).toContain(`"baseUrl":"${testApp.url}"`);
    expect(body.snippet).not.toContain(created.hmacSecret);
    // Forwarded headers are ignored unless the server is told it sits behind a proxy ...
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "chat.k-rauta.example" };
    const direct = await api<{ snippet: string }>(testApp.url, "GET", `${who.base}/inboxes/${created.id}/snippet`, { token: who.agent.token, headers: forwarded });
    expect(direct.body.snippet).toContain(`"baseUrl":"${testApp.url}"`);
    // ... and behind one (HUMMDESK_TRUST_PROXY) the address is the one visitors' browsers use.
    const proxiedApp = await startTestApp({ ai: { workers: 0 }, env: { HUMMDESK_TRUST_PROXY: "1" } });
    try {
      const login = await api<{ accessToken: string }>(proxiedApp.url, "POST", "/api/v1/auth/login", { body: { email: "aino@k-rauta.example", password: "hummdesk-agent" } });
      const proxied = await api<{ snippet: string }>(
        proxiedApp.url,
        "GET",
        `/api/v1/accounts/${proxiedApp.seeded.krauta.accountId}/inboxes/${proxiedApp.seeded.krauta.inboxId}/snippet`,
        { token: login.body.accessToken, headers: forwarded },
      );
      expect(proxied.body.snippet).toContain('"baseUrl":"https://chat.k-rauta.example"');
      expect(proxied.body.snippet).toContain('<script async src="https://chat.k-rauta.example/widget.js">');
    } finally {
      await proxiedApp.close();
    }
  });

  test("secret: the administrator reads the same secret; each read is audited", async () => {
    const { status, body } = await call<{ hmacSecret: string }>("GET", `/inboxes/${created.id}/secret`, who.admin.token);
    expect(status).toBe(200);
    expect(body).toEqual({ hmacSecret: created.hmacSecret });
    expect((await audit("inbox.secret_view")).filter((e) => e.entityId === String(created.id))).toMatchObject([{ actorId: who.admin.userId, after: null }]);
  });

  test("an inbox id no inbox has -> 404", async () => {
    for (const path of ["/inboxes/987654321/snippet", "/inboxes/987654321/secret"]) {
      const response = await call("GET", path, who.admin.token);
      expect(response.status).toBe(404);
      expectOnlyError(response.body, "not_found");
    }
    expect((await call("PATCH", "/inboxes/987654321", who.admin.token, { name: "X" })).status).toBe(404);
  });
});
