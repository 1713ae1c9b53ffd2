/** Nodes starting together against one fresh PostgreSQL all migrate it (one at a time, under an
 * advisory lock) instead of racing on CREATE TYPE/TABLE. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { expect, inject, test, vi } from "vitest";
import { withDatabase } from "../../test/postgres-global-setup.ts";
import { testDriver } from "../../test/test-database.ts";
import { MIGRATIONS_FOLDER, openDatabase, schemaVersion } from "./client.ts";

vi.setConfig({ testTimeout: 120_000 });

test.skipIf(testDriver() !== "postgres")("three nodes migrating one fresh database at once all succeed", async () => {
  const adminUrl = inject("postgresUrl");
  const name = `test_race_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  try {
    const url = withDatabase(adminUrl, name);
    const nodes = await Promise.allSettled([0, 1, 2].map(() => openDatabase({ url, poolSize: 1 })));
    const failures = nodes.flatMap((n) => (n.status === "rejected" ? [String(n.reason)] : []));
    for (const node of nodes) if (node.status === "fulfilled") await node.value.close();
    expect(failures).toEqual([]);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const check = await openDatabase({ url, poolSize: 1, migrate: false });
    try {
      expect(await schemaVersion(check.db)).toBe(journal.entries.length);
    } finally {
      await check.close();
    }
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
