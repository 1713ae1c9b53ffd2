/** One throw-away PostgreSQL server for the whole run (test/embedded-server.ts), with a fresh,
 * empty database per section; the server process under test migrates and seeds it. */
import postgres from "postgres";
import { startEmbeddedPostgres } from "../test/embedded-server.ts";

export interface BenchPostgres {
  adminUrl: string;
  /** `SELECT version()`, shortened. */
  version: string;
  /** Creates an empty database and returns its superuser URL. */
  createDatabase(name: string): Promise<string>;
  /** A superuser connection to one database (set-up queries the app role may not run). */
  owner(url: string): postgres.Sql;
  stop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const server = await startEmbeddedPostgres();
  const admin = postgres(server.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ version: string }[]>`select version()`;
    const version = (row?.version ?? "unknown").split(" on ")[0] ?? "unknown";
    return {
      adminUrl: server.url,
      version,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name '${name}' must be lower-case letters, digits and _`);
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.unsafe(`CREATE DATABASE ${name}`);
        return databaseUrl(server.url, name);
      },
      owner: (url) => postgres(url, { max: 2, onnotice: () => {} }),
      async stop() {
        await admin.end({ timeout: 2 }).catch(() => {});
        await server.stop();
      },
    };
  } catch (error) {
    await admin.end({ timeout: 2 }).catch(() => {});
    await server.stop();
    throw error;
  }
}
