import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

test("widget.js is served with an ETag (304 when unchanged) and under an immutable content-hashed name", async () => {
  const first = await fetch(`${t.url}/widget.js`);
  expect(first.status).toBe(200);
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^"[0-9a-f]{10}"$/);
  expect((await fetch(`${t.url}/widget.js`, { headers: { "if-none-match": etag } })).status).toBe(304);
  const hashed = await fetch(`${t.url}/widget-${etag.slice(1, -1)}.js`);
  expect(hashed.status).toBe(200);
  expect(hashed.headers.get("cache-control")).toContain("immutable");
  expect(await hashed.text()).toBe(await first.text());
});

test("the chat chunks widget.js imports are served immutable, with CORS for the merchant's origin", async () => {
  const boot = await (await fetch(`${t.url}/widget.js`)).text();
  const chat = /chat-[\w-]+\.js/.exec(boot)?.[0];
  expect(chat).toBeDefined();
  const response = await fetch(`${t.url}/${chat}`, { headers: { origin: "https://shop.example" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("javascript");
  expect(response.headers.get("cache-control")).toContain("immutable");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const locales = (await response.text()).match(/chat-(fi|sv|en)-[\w-]+\.js/g) ?? [];
  expect(locales).toHaveLength(3);
  for (const locale of locales) expect((await fetch(`${t.url}/${locale}`)).status).toBe(200);
  expect((await fetch(`${t.url}/chat-nope.js`)).status).toBe(404);
});

test("the storefront carries the real merchant snippet for the K-Rauta inbox", async () => {
  const html = await (await fetch(`${t.url}/`)).text();
  expect(html).not.toContain("<!--HUMMDESK_SNIPPET-->");
  expect(html).toContain("krauta-storefront-demo");
  expect(html).toContain(`${t.url}`);
});

const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? "");
const scriptSrc = (csp: string) => csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";

test.each(["/", "/desk", "/configure", "/docs"])("%s allows no inline script but its own, by hash", async (path) => {
  const response = await fetch(`${t.url}${path}`);
  expect(response.status).toBe(200);
  const csp = response.headers.get("content-security-policy") ?? "";
  const scripts = scriptSrc(csp);
  expect(scripts).toContain("script-src 'self'");
  expect(scripts).not.toContain("unsafe-inline");
  expect(csp).toContain("script-src-attr 'none'");
  for (const script of inlineScripts(await response.text())) {
    const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
    expect(scripts).toContain(hash);
  }
});

test("the storefront's inline snippet is allowed by its hash and nothing else is", async () => {
  const response = await fetch(`${t.url}/`);
  const html = await response.text();
  expect(inlineScripts(html).length).toBeGreaterThan(0);
  const hashes = scriptSrc(response.headers.get("content-security-policy") ?? "").match(/'sha256-/g) ?? [];
  expect(hashes).toHaveLength(inlineScripts(html).length);
});

test("/docs loads the Swagger UI on first use: its page, its static files and the API document", async () => {
  const [page, css, document] = await Promise.all(["/docs", "/docs/static/swagger-ui.css", "/docs/json"].map((path) => fetch(`${t.url}${path}`)));
  expect([page!.status, css!.status, document!.status]).toEqual([200, 200, 200]);
  expect(css!.headers.get("content-type")).toContain("text/css");
  const paths = Object.keys(((await document!.json()) as { paths: Record<string, unknown> }).paths);
  expect(paths).toContain("/widget/v1/messages");
  expect(paths.some((path) => path.startsWith("/docs"))).toBe(false);
});
