/** The development seed: both demo shops, and one support user who can switch between them in the desk. */
import { afterEach, expect, test, vi } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { TEST_SECRET } from "../../test/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.ts";
import { DEMO_AGENT_PASSWORD, DEMO_SUPPORT, seedDemo, TRADGARDSBODEN_AGENT } from "./seed.ts";

vi.setConfig({ testTimeout: 120_000 });

let database: TestDatabase | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

const development = () =>
  loadConfig({ NODE_ENV: "development", LOG_LEVEL: "silent", HUMMDESK_SECRET: TEST_SECRET, HUMMDESK_DATA_DIR: "/tmp/hummdesk-test-data", HUMMDESK_WORKERS: "0" });

test("a development start seeds both shops; the support user belongs to both, Elsa and Aino to one each; a second seed adds nothing", async () => {
  database = await createTestDatabase();
  const app = await buildApp(development(), { database });
  const accountsOf = async (email: string) => {
    const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: DEMO_AGENT_PASSWORD } });
    expect(response.statusCode).toBe(200);
    return (response.json() as { accounts: { name: string; subdomain: string; role: string }[] }).accounts.map(({ name, subdomain, role }) => ({ name, subdomain, role }));
  };
  try {
    expect(await accountsOf(DEMO_SUPPORT.email)).toEqual([
      { name: "K-Rauta", subdomain: "k-rauta", role: "supervisor" },
      { name: "Trädgårdsboden", subdomain: "tradgardsboden", role: "administrator" },
    ]);
    expect(await accountsOf(TRADGARDSBODEN_AGENT.email)).toEqual([{ name: "Trädgårdsboden", subdomain: "tradgardsboden", role: "agent" }]);
    expect(await accountsOf("aino@k-rauta.example")).toEqual([{ name: "K-Rauta", subdomain: "k-rauta", role: "agent" }]);
    const config = await app.inject({ method: "GET", url: "/widget/v1/inboxes/tradgardsboden-web/config" });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({ locale: "sv", color: "#2f7d32" });
  } finally {
    await app.close();
  }
  const again = await seedDemo(database.db);
  expect(again.credentials).toEqual([]);
  expect(again.krauta.created).toBe(false);
});
