/** One throw-away PostgreSQL server for the whole run (test/embedded-server.ts), with a fresh,
 * empty database per section; the server process under test migrates and seeds it. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
  /** CPU seconds used so far by the server: the postmaster and every backend it forked. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** utime + stime of a process and of its children, in seconds (from /proc). */
export function processCpuSeconds(pid: number, includeChildren = false): number {
  const ticks = 100; // USER_HZ on Linux
  const stat = (p: number | string) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks };
    } catch {
      return null;
    }
  };
  let total = stat(pid)?.cpu ?? 0;
  if (includeChildren) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const child = stat(entry);
      if (child && child.ppid === pid) total += child.cpu;
    }
  }
  return total;
}

export async function startBenchPostgres(options: { durable?: boolean } = {}): Promise<BenchPostgres> {
  const server = await startEmbeddedPostgres(options);
  const postmasterPid = Number(readFileSync(join(server.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
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
      cpuSeconds: () => processCpuSeconds(postmasterPid, true),
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
