/** Vitest global setup of the "pglite" project: migrates and seeds one PGlite database and keeps
 * its data dir as two dumps (migrated, seeded) in a temp folder, so each test file loads a dump
 * instead of running initdb, every migration and the seed again. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.ts";
import { seedBoth } from "./fixtures.ts";

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "hummdesk-pglite-dumps-"));
  const migrated = await openDatabase({});
  const migratedDump = await migrated.pglite!.dumpDataDir("none");
  await migrated.close();
  const seededDb = await openDatabase({ loadDataDir: migratedDump, migrate: false });
  const seeded = await seedBoth(seededDb.db);
  const seededDump = await seededDb.pglite!.dumpDataDir("none");
  await seededDb.close();
  writeFileSync(join(dir, "migrated.tar"), Buffer.from(await migratedDump.arrayBuffer()));
  writeFileSync(join(dir, "seeded.tar"), Buffer.from(await seededDump.arrayBuffer()));
  project.provide("pgliteDumps", dir);
  project.provide("pgliteSeeded", seeded);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumps: string;
    pgliteSeeded: Awaited<ReturnType<typeof seedBoth>>;
  }
}
