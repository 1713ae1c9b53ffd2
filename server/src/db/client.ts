/** Opens the database (postgres.js when DATABASE_URL is set, else PGlite), migrates it (as the
 * owner, under an advisory lock), and runs the app's queries as the non-owner role `hummdesk_app`
 * so row-level security always applies. */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { type ExtractTablesWithRelations, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { copyMigratedTemplate } from "./pglite-template.ts";
import { executePrepared } from "./prepared-query.ts";
import { REPO_ROOT } from "../repo-root.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The one Drizzle type both drivers share. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Database | Transaction;

export const APP_ROLE = "hummdesk_app";
export const MIGRATIONS_FOLDER = join(REPO_ROOT, "migrations");

export interface DatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string | undefined;
  /** The owner's URL, used only to migrate; absent: `url` migrates (it must then be the owner). */
  migrationUrl?: string | undefined;
  poolSize?: number;
  ssl?: boolean;
  /** PGlite data directory; undefined or "memory://" keeps it in memory. */
  dataDir?: string | undefined;
  /** A PGlite data-dir dump (tarball) to start from, for cheap fresh test databases. */
  loadDataDir?: Blob | File | undefined;
  migrate?: boolean;
  /** Called with every statement the app runs (tests count round trips with it). */
  onQuery?: (query: string) => void;
}

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** The raw PGlite instance (PGlite only): LISTEN/NOTIFY and data-dir dumps. */
  pglite?: PGlite;
  /** The raw postgres.js pool (postgres only): LISTEN/NOTIFY. */
  sql?: postgres.Sql;
  url?: string;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: DatabaseOptions): Promise<DatabaseHandle> {
  const url = options.url as string;
  const ssl = options.ssl ? ("require" as const) : false;
  if (options.migrate !== false) await migrateLocked(options.migrationUrl ?? url, ssl);
  // Every pooled connection starts as the application role: RLS applies to every query. With a
  // separate login (production) that login is, or is a member of, hummdesk_app and nothing more.
  const pool = postgres(url, {
    max: options.poolSize ?? 20,
    ssl,
    onnotice: () => {},
    connection: { role: APP_ROLE } as Record<string, string>,
    idle_timeout: 30,
    connect_timeout: 10,
    ...(options.onQuery ? { debug: (_connection: number, query: string) => options.onQuery?.(query) } : {}),
  });
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return { db, driver: "postgres", sql: pool, url, close: () => pool.end({ timeout: 5 }) };
}

/** A fixed advisory-lock key ("hummdesk" in ASCII): nodes starting together migrate one by one. */
export const MIGRATION_LOCK_KEY = 0x68756d6d6465736bn;

/** Migrates on one owner connection holding the migration lock, so concurrent starts cannot race
 * on CREATE TYPE/TABLE; the lock goes with the connection if the process dies. */
async function migrateLocked(url: string, ssl: false | "require"): Promise<void> {
  // max 1: the lock, the migrations and the unlock share one connection.
  const owner = postgres(url, { max: 1, ssl, onnotice: () => {} });
  const key = MIGRATION_LOCK_KEY.toString();
  try {
    await owner`select pg_advisory_lock(${key}::bigint)`;
    try {
      await migratePostgres(drizzlePostgres(owner), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await owner`select pg_advisory_unlock(${key}::bigint)`.catch(() => {});
    }
  } finally {
    await owner.end();
  }
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const dataDir = options.dataDir && options.dataDir !== "memory://" ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A fresh data dir starts as a copy of the migrated template (migrations below then find nothing to do).
  if (dataDir && !options.loadDataDir && options.migrate !== false && !existsSync(join(dataDir, "PG_VERSION"))) {
    await copyMigratedTemplate(MIGRATIONS_FOLDER, dataDir);
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    // pgvector, for hybrid retrieval when an embeddings model is configured.
    extensions: { vector },
  });
  if (options.migrate !== false) {
    await migratePglite(drizzlePglite(pglite), { migrationsFolder: MIGRATIONS_FOLDER });
  }
  // PGlite has one connection: switch it to the application role for the rest of its life.
  await pglite.exec(`SET ROLE ${APP_ROLE}`);
  const onQuery = options.onQuery;
  const db = drizzlePglite(pglite, { schema, ...(onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {}) }) as unknown as Database;
  return { db, driver: "pglite", pglite, close: () => pglite.close() };
}

/** Runs `fn` in one transaction bound to one account: RLS sees only that account's rows. */
export async function withAccount<T>(db: Database, accountId: number, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  if (!Number.isSafeInteger(accountId) || accountId <= 0) throw new Error(`invalid account id ${accountId}`);
  return db.transaction(async (tx) => {
    await executePrepared(tx, "set_account", sql`select set_config('app.account_id', ${String(accountId)}, true)`);
    return fn(tx);
  });
}

/** The number of applied migrations, or an error when the database is unreachable. */
export async function schemaVersion(db: Database): Promise<number> {
  const rows = await db.execute(sql`select hummdesk_schema_version() as version`);
  return Number(rowsOf<{ version: number }>(rows)[0]?.version ?? 0);
}

export async function testConnection(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

export async function closeConnection(handle: DatabaseHandle): Promise<void> {
  await handle.close();
}

/** postgres.js returns an array, PGlite `{ rows }`: one shape for both. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
