import { afterEach, describe, expect, test, vi } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";

// Each case starts its own server (a shared machine can take a while).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const MINT = "/widget/v1/inboxes/krauta-storefront-demo/visitors";
let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** Mints `count` visitor tokens, each behind the given X-Forwarded-For, and returns the statuses. */
async function mint(url: string, forwardedFor: (i: number) => string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await api(url, "POST", MINT, { body: {}, headers: { "x-forwarded-for": forwardedFor(i) } })).status);
  return statuses;
}

describe("per-IP limits behind a proxy", () => {
  // The proxy appends the address it saw; whatever the client wrote before it is not evidence.
  const spoofed = (i: number) => `198.51.100.${i}, 203.0.113.7`;

  test.each([
    ["a hop count", "1"],
    ["the proxy's CIDR", "127.0.0.0/8"],
  ])("trusting %s: a spoofed first X-Forwarded-For entry is still limited", async (_name, trustProxy) => {
    t = await startTestApp({ rateLimits: { publicIp: 4 }, env: { HUMMDESK_TRUST_PROXY: trustProxy } });
    const statuses = await mint(t.url, spoofed, 7);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429, 429]);
    // Another client behind the same proxy has its own budget.
    expect((await mint(t.url, () => "203.0.113.8", 1))[0]).toBe(200);
  });

  test("without a trusted proxy X-Forwarded-For is ignored altogether", async () => {
    t = await startTestApp({ rateLimits: { publicIp: 3 } });
    expect(await mint(t.url, (i) => `203.0.113.${i}`, 5)).toEqual([200, 200, 200, 429, 429]);
  });
});

describe("visitor-token minting caps", () => {
  test("per IP, below the general per-IP limit", async () => {
    t = await startTestApp({ rateLimits: { visitorTokenIp: 3 }, env: { HUMMDESK_TRUST_PROXY: "1" } });
    expect(await mint(t.url, () => "203.0.113.9", 5)).toEqual([200, 200, 200, 429, 429]);
    // Reading the inbox config is not minting.
    expect((await api(t.url, "GET", "/widget/v1/inboxes/krauta-storefront-demo/config", { headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(200);
  });

  test("per inbox, whatever addresses the requests come from", async () => {
    t = await startTestApp({ rateLimits: { visitorTokenInbox: 4 }, env: { HUMMDESK_TRUST_PROXY: "1" } });
    expect(await mint(t.url, (i) => `203.0.113.${20 + i}`, 6)).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
