import { afterEach, beforeEach, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.close();
});

test("/health is 200 with migrations at head, and 503 once the database is gone", async () => {
  const app = await buildApp(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", HUMMDESK_SECRET: "x".repeat(40) }), { database });
  const ok = await app.inject({ method: "GET", url: "/health" });
  expect(ok.statusCode).toBe(200);
  expect(ok.json()).toMatchObject({ status: "ok", database: "up" });
  await database.close();
  const down = await app.inject({ method: "GET", url: "/health" });
  expect(down.statusCode).toBe(503);
  await app.close();
  database = await createTestDatabase();
});
