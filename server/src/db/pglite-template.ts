/** A migrated PGlite data directory, built once per version of the migrations and kept as a
 * directory in node_modules/.cache/hummdesk: a fresh data dir starts as a copy of it instead of
 * running initdb and every migration (the slow part of a first start). It holds the schema only,
 * no tenant rows and no secrets. Keyed by a hash of the migrations folder and PGlite's version,
 * so a changed or added migration builds a new template. */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { REPO_ROOT } from "../repo-root.ts";

export const TEMPLATE_CACHE_DIR = join(REPO_ROOT, "node_modules/.cache/hummdesk");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** The hash that names the template: every migration file (name and bytes) and PGlite's version. */
export function templateKey(migrationsFolder: string): string {
  const hash = createHash("sha256").update(`pglite ${pgliteVersion()}\n`);
  for (const file of filesUnder(migrationsFolder)) hash.update(file.slice(migrationsFolder.length)).update("\0").update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function pgliteVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, "server/node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Makes `dataDir` (absent or empty) a copy of the migrated template for these migrations,
 * building the template first when the cache has none. A plain file copy: no initdb, no migrations. */
export async function copyMigratedTemplate(migrationsFolder: string, dataDir: string): Promise<void> {
  const template = join(TEMPLATE_CACHE_DIR, `pglite-${templateKey(migrationsFolder)}`);
  if (!existsSync(join(template, "PG_VERSION"))) await buildTemplate(migrationsFolder, template);
  cpSync(template, dataDir, { recursive: true });
}

async function buildTemplate(migrationsFolder: string, template: string): Promise<void> {
  mkdirSync(TEMPLATE_CACHE_DIR, { recursive: true });
  const partial = `${template}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  const pglite = await PGlite.create({ dataDir: partial, extensions: { vector } });
  try {
    await migrate(drizzle(pglite), { migrationsFolder });
  } finally {
    await pglite.close();
  }
  try {
    renameSync(partial, template); // atomic: a concurrent start never copies half a template
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process won the race
  }
}
