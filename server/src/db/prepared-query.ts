/** One raw statement as a named prepared statement on whichever driver the Drizzle handle wraps:
 * postgres.js then sends Bind/Execute only (one round trip) once a connection has seen it;
 * PGlite runs in process, where a round trip costs nothing. */
import type postgres from "postgres";
import type { Database } from "./client.ts";

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export async function queryPrepared<T>(db: Database, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: postgres.Sql | PgliteLike }).$client;
  if ("unsafe" in client) return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[];
  return (await client.query<T>(text, params)).rows;
}
