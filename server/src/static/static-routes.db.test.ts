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

test("the storefront carries the real merchant snippet for the K-Rauta inbox", async () => {
  const html = await (await fetch(`${t.url}/`)).text();
  expect(html).not.toContain("<!--HUMMDESK_SNIPPET-->");
  expect(html).toContain("krauta-storefront-demo");
  expect(html).toContain(`${t.url}`);
});
