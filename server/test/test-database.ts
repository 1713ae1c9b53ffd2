/** A fresh, migrated database per test on the driver the vitest project names
 * (HUMMDESK_TEST_DRIVER = pglite | postgres): one shared suite, two real databases. */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { TEMPLATE_DB, withDatabase } from "./postgres-global-setup.ts";

export type TestDriver = "pglite" | "postgres";
export const testDriver = (): TestDriver => (process.env.HUMMDESK_TEST_DRIVER === "postgres" ? "postgres" : "pglite");

let pgliteSnapshot: Promise<Blob> | null = null;

async function migratedSnapshot(): Promise<Blob> {
  const handle = await openDatabase({});
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  return dump;
}

export interface TestDatabase extends DatabaseHandle {
  /** postgres only: the admin URL of the server (for a second process or a second pool). */
  adminUrl?: string;
}

/** Opens a fresh migrated database; `close()` also drops it. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (testDriver() === "pglite") {
    pgliteSnapshot ??= migratedSnapshot();
    return openDatabase({ loadDataDir: await pgliteSnapshot, migrate: false });
  }
  const adminUrl = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const handle = await openDatabase({ url, poolSize: options.poolSize ?? 10, migrate: false });
  return {
    ...handle,
    adminUrl,
    async close() {
      await handle.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await dropper.end();
    },
  };
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
