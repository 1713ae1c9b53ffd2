/** Production starts without the published demo logins: nothing demo is seeded unless asked, and
 * when asked every demo user gets a generated password, handed over once. */
import { afterEach, expect, test, vi } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { TEST_SECRET } from "../../test/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.ts";
import { DEMO_ADMIN, DEMO_AGENT_PASSWORD, DEMO_SUPPORT, seedDemo, TRADGARDSBODEN_AGENT } from "./seed.ts";

vi.setConfig({ testTimeout: 120_000 });

let database: TestDatabase | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

const production = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", HUMMDESK_SECRET: TEST_SECRET, HUMMDESK_DATA_DIR: "/tmp/hummdesk-test-data", HUMMDESK_WORKERS: "0", ...env });

async function login(app: Awaited<ReturnType<typeof buildApp>>, email: string, password: string) {
  return (await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } })).statusCode;
}

test("NODE_ENV=production seeds nothing by default: the published demo logins do not exist", async () => {
  database = await createTestDatabase();
  const app = await buildApp(production(), { database });
  try {
    expect(await login(app, DEMO_ADMIN.email, DEMO_ADMIN.password)).toBe(401);
    expect(await login(app, "aino@k-rauta.example", DEMO_AGENT_PASSWORD)).toBe(401);
    expect(await login(app, DEMO_SUPPORT.email, DEMO_AGENT_PASSWORD)).toBe(401);
    expect((await app.inject({ method: "GET", url: "/widget/v1/inboxes/krauta-storefront-demo/config" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/widget/v1/inboxes/tradgardsboden-web/config" })).statusCode).toBe(404);
    expect(app.seedCredentials).toEqual([]);
  } finally {
    await app.close();
  }
});

test("asked to seed in production, no account has a known password; the generated ones are handed over once", async () => {
  database = await createTestDatabase();
  const app = await buildApp(production({ HUMMDESK_SEED: "true" }), { database });
  let credentials: { email: string; password: string }[] = [];
  try {
    credentials = app.seedCredentials;
    expect(credentials.map((c) => c.email).sort()).toEqual([
      "admin@k-rauta.example",
      "aino@k-rauta.example",
      "elsa@tradgardsboden.example",
      "mikko@k-rauta.example",
      "sanna@k-rauta.example",
      "support@hummdesk.example",
    ]);
    expect(new Set(credentials.map((c) => c.password)).size).toBe(6);
    for (const c of credentials) expect(c.password.length).toBeGreaterThanOrEqual(20);
    expect(await login(app, DEMO_ADMIN.email, DEMO_ADMIN.password)).toBe(401);
    expect(await login(app, "aino@k-rauta.example", DEMO_AGENT_PASSWORD)).toBe(401);
    expect(await login(app, DEMO_SUPPORT.email, DEMO_AGENT_PASSWORD)).toBe(401);
    const admin = credentials.find((c) => c.email === DEMO_ADMIN.email)!;
    expect(await login(app, admin.email, admin.password)).toBe(200);
  } finally {
    await app.close();
  }
  // A restart seeds idempotently and generates (and shows) nothing new.
  const again = await buildApp(production({ HUMMDESK_SEED: "true" }), { database });
  try {
    expect(again.seedCredentials).toEqual([]);
    expect(await login(again, credentials[0]!.email, credentials[0]!.password)).toBe(200);
  } finally {
    await again.close();
  }
});

test("a database seeded earlier with the published passwords loses them at the first production start", async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const app = await buildApp(production(), { database });
  try {
    expect(await login(app, DEMO_ADMIN.email, DEMO_ADMIN.password)).toBe(401);
    expect(await login(app, "mikko@k-rauta.example", DEMO_AGENT_PASSWORD)).toBe(401);
    expect(await login(app, TRADGARDSBODEN_AGENT.email, DEMO_AGENT_PASSWORD)).toBe(401);
    expect(await login(app, DEMO_SUPPORT.email, DEMO_AGENT_PASSWORD)).toBe(401);
    expect(app.seedCredentials).toHaveLength(6);
    const mikko = app.seedCredentials.find((c) => c.email === "mikko@k-rauta.example")!;
    expect(await login(app, mikko.email, mikko.password)).toBe(200);
  } finally {
    await app.close();
  }
});
