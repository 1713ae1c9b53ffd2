/** A fresh, migrated database per test on the driver the vitest project names
 * (HUMMDESK_TEST_DRIVER = pglite | postgres): one shared suite, two real databases. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import type { seedBoth } from "./fixtures.ts";
import { SEEDED_TEMPLATE_DB, TEMPLATE_DB, withDatabase } from "./postgres-global-setup.ts";

export type TestDriver = "pglite" | "postgres";
export const testDriver = (): TestDriver => (process.env.HUMMDESK_TEST_DRIVER === "postgres" ? "postgres" : "pglite");

type Seeded = Awaited<ReturnType<typeof seedBoth>>;
let pgliteSnapshot: Promise<Blob> | null = null;
let pgliteSeededSnapshot: Promise<{ dump: Blob; seeded: Seeded }> | null = null;

/** The dumps the pglite project's global setup wrote (read once per test file). */
const dumpFile = (name: string) => new Blob([readFileSync(join(inject("pgliteDumps"), name))]);

async function migratedSnapshot(): Promise<Blob> {
  return dumpFile("migrated.tar");
}

async function seededSnapshot(): Promise<{ dump: Blob; seeded: Seeded }> {
  return { dump: dumpFile("seeded.tar"), seeded: inject("pgliteSeeded") };
}

export interface TestDatabase extends DatabaseHandle {
  /** postgres only: the admin URL of the server (for a second process or a second pool). */
  adminUrl?: string;
}

/** Opens a fresh migrated database (empty, or with both tenants seeded); `close()` drops it. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  return (await openTestDatabase(options, false)).database;
}

/** A fresh database with K-Rauta and the neighbour already seeded (a cached snapshot/template). */
export async function createSeededTestDatabase(options: { poolSize?: number; onQuery?: (query: string) => void } = {}): Promise<{ database: TestDatabase; seeded: Seeded }> {
  return openTestDatabase(options, true) as Promise<{ database: TestDatabase; seeded: Seeded }>;
}

async function openTestDatabase(options: { poolSize?: number; onQuery?: (query: string) => void }, seed: boolean): Promise<{ database: TestDatabase; seeded: Seeded | null }> {
  if (testDriver() === "pglite") {
    if (seed) {
      pgliteSeededSnapshot ??= seededSnapshot();
      const snapshot = await pgliteSeededSnapshot;
      return { database: await openDatabase({ loadDataDir: snapshot.dump, migrate: false, ...(options.onQuery ? { onQuery: options.onQuery } : {}) }), seeded: snapshot.seeded };
    }
    pgliteSnapshot ??= migratedSnapshot();
    return { database: await openDatabase({ loadDataDir: await pgliteSnapshot, migrate: false }), seeded: null };
  }
  const adminUrl = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${seed ? SEEDED_TEMPLATE_DB : TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const handle = await openDatabase({ url, poolSize: options.poolSize ?? 10, migrate: false, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  const database: TestDatabase = {
    ...handle,
    adminUrl,
    async close() {
      await handle.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await dropper.end();
    },
  };
  return { database, seeded: seed ? inject("seeded") : null };
}

/** A superuser connection to the same database (catalog checks, fail-closed checks). */
export async function ownerQuery<T>(handle: DatabaseHandle, query: string): Promise<T[]> {
  if (handle.driver === "pglite") {
    const pg = handle.pglite!;
    await pg.exec("RESET ROLE");
    try {
      return (await pg.query<T>(query)).rows;
    } finally {
      await pg.exec("SET ROLE hummdesk_app");
    }
  }
  const owner = postgres(handle.url!, { max: 1, onnotice: () => {} });
  try {
    return (await owner.unsafe(query)) as unknown as T[];
  } finally {
    await owner.end();
  }
}
