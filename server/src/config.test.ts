import { describe, expect, test } from "vitest";
import { loadConfig, parseTrustProxy } from "./config.ts";

const base = { HUMMDESK_DATA_DIR: "/tmp/hummdesk-config-test", HUMMDESK_SECRET: "s".repeat(40) };

describe("HUMMDESK_TRUST_PROXY", () => {
  test.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["10.0.0.0/8", ["10.0.0.0/8"]],
    ["10.0.0.1, 192.168.0.0/16,::1", ["10.0.0.1", "192.168.0.0/16", "::1"]],
  ])("%j -> %j", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  test("true (trust every hop) is refused with what to write instead", () => {
    expect(() => loadConfig({ ...base, HUMMDESK_TRUST_PROXY: "true" })).toThrow(/number of proxies in front/);
  });

  test("a hostname is refused", () => {
    expect(() => parseTrustProxy("proxy.internal")).toThrow(/'proxy.internal' is neither/);
  });
});

describe("production defaults", () => {
  test("the demo is seeded by default in development, not in production unless asked", () => {
    expect(loadConfig({ ...base, NODE_ENV: "development" }).seed).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: "production" }).seed).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "production", HUMMDESK_SEED: "true" }).seed).toBe(true);
  });

  test("HTTP timeouts are set; the header deadline never exceeds the request deadline", () => {
    const { http } = loadConfig(base);
    expect(http).toEqual({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 65_000, connectionTimeoutMs: 120_000 });
    expect(loadConfig({ ...base, HUMMDESK_REQUEST_TIMEOUT_MS: "2000" }).http.headersTimeoutMs).toBe(2000);
  });

  test("visitor-token minting per inbox is configurable", () => {
    expect(loadConfig(base).visitorTokensPerInbox).toBe(3000);
    expect(loadConfig({ ...base, HUMMDESK_VISITOR_TOKENS_PER_INBOX: "50" }).visitorTokensPerInbox).toBe(50);
  });

  test("a migration URL needs the app's URL beside it", () => {
    expect(() => loadConfig({ ...base, MIGRATION_DATABASE_URL: "postgres://owner@db/hummdesk" })).toThrow(/needs DATABASE_URL/);
  });
});
