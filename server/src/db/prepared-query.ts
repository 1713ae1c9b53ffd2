/** One raw statement as a named prepared statement on whichever driver the Drizzle handle wraps:
 * postgres.js then sends Bind/Execute only (one round trip) once a connection has seen it;
 * PGlite runs in process, where a round trip costs nothing. */
import type { SQL } from "drizzle-orm";
import type postgres from "postgres";
import { type Database, type Executor, rowsOf } from "./client.ts";

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export async function queryPrepared<T>(db: Database, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: postgres.Sql | PgliteLike }).$client;
  if ("unsafe" in client) return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[];
  return (await client.query<T>(text, params)).rows;
}

interface DrizzleInternals {
  session: { prepareQuery(query: unknown, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
  dialect: { sqlToQuery(query: SQL): unknown };
}

/** A raw Drizzle `sql` query as a named prepared statement, on a database or inside a transaction
 * (`db.execute` never prepares, so postgres.js would describe it first: two round trips). */
export async function executePrepared<T>(executor: Executor, name: string, query: SQL): Promise<T[]> {
  const { session, dialect } = executor as unknown as DrizzleInternals;
  return rowsOf<T>(await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute());
}
