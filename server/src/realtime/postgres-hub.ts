/** The hub across processes: PostgreSQL LISTEN/NOTIFY on one channel, so any node can serve any
 * socket. Events published in one tick go out as one NOTIFY (a JSON array under 8000 bytes); a
 * heartbeat NOTIFY that must come back checks the LISTEN connection, which is rebuilt when it is
 * lost (a PostgreSQL restart), after which subscribers get `resync` to catch up from the rows. */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import postgres from "postgres";
import { createBatcher, HUB_CHANNEL, type HubEvent, type HubSignal, type RealtimeHub } from "./hub.ts";
import { packPayloads } from "./pack-payloads.ts";

export const LISTEN_HEARTBEAT_MS = 2000;
/** How far before the last thing heard a resync looks for changed conversations: covers clock
 * skew and transactions that began (their `updated_at`) before the gap but committed in it. */
export const RESYNC_MARGIN_MS = 60_000;

export interface PostgresHubOptions {
  /** The pool that publishes. */
  sql: postgres.Sql;
  /** Opens the dedicated LISTEN connection (again after it was lost). */
  connectListener: () => postgres.Sql;
  log?: FastifyBaseLogger;
  heartbeatMs?: number;
}

export { HUB_CHANNEL };

export async function createPostgresHub(options: PostgresHubOptions): Promise<RealtimeHub> {
  const { sql, log } = options;
  const node = randomUUID();
  const listeners = new Set<(event: HubEvent | HubSignal) => void>();
  const emit = (event: HubEvent | HubSignal) => {
    for (const listener of listeners) listener(event);
  };
  let closed = false;
  let pingSent = 0;
  let pingSeen = 0;
  /** When the LISTEN connection last delivered anything: nothing before it was missed. */
  let lastHeard = Date.now();
  const resyncSignal = (): HubSignal => ({ kind: "resync", since: new Date(lastHeard - RESYNC_MARGIN_MS).toISOString() });

  const onPayload = (payload: string) => {
    lastHeard = Date.now();
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    if (Array.isArray(parsed)) for (const event of parsed as HubEvent[]) emit(event);
    else if (parsed && typeof parsed === "object" && (parsed as { ping?: string }).ping === node) pingSeen = pingSent;
  };

  let listener: postgres.Sql | null = null;
  let listening: Promise<boolean> | null = null;
  /** (Re)opens the LISTEN connection; resolves whether it is listening. */
  function listen(resync: boolean): Promise<boolean> {
    listening ??= (async () => {
      const signal = resyncSignal(); // before the new connection hears anything
      const previous = listener;
      listener = null;
      await previous?.end({ timeout: 0 }).catch(() => {});
      const next = options.connectListener();
      let listens = 0;
      try {
        // postgres.js re-LISTENs by itself after a dropped connection: events may be lost there too.
        await next.listen(HUB_CHANNEL, onPayload, () => {
          listens += 1;
          if (listens > 1 && !closed) emit(resyncSignal());
        });
      } catch (error) {
        await next.end({ timeout: 0 }).catch(() => {});
        if (!closed) log?.warn({ err: error as Error }, "LISTEN failed: retrying");
        return false;
      }
      if (closed) {
        await next.end({ timeout: 0 }).catch(() => {});
        return false;
      }
      listener = next;
      pingSeen = pingSent;
      if (resync) {
        log?.info("LISTEN connection restored: sockets resume from their last message");
        emit(signal);
      }
      return true;
    })().finally(() => {
      listening = null;
    });
    return listening;
  }

  if (!(await listen(false))) throw new Error(`could not LISTEN on ${HUB_CHANNEL}`);

  let lost = false;
  const heartbeat = setInterval(() => {
    if (closed || listening) return;
    // Two pings never came back (the LISTEN connection is gone): rebuild it.
    if (lost || pingSent - pingSeen >= 2) {
      lost = true;
      void listen(true).then((ok) => {
        if (ok) lost = false;
      });
      return;
    }
    pingSent += 1;
    sql.notify(HUB_CHANNEL, JSON.stringify({ ping: node })).catch(() => {});
  }, options.heartbeatMs ?? LISTEN_HEARTBEAT_MS);
  heartbeat.unref();

  const batcher = createBatcher(async (batch) => {
    const payloads = packPayloads(batch);
    try {
      if (payloads.length === 1) await sql.notify(HUB_CHANNEL, payloads[0]!);
      else await sql`select pg_notify(${HUB_CHANNEL}, p) from unnest(${sql.array(payloads)}::text[]) with ordinality as u(p, n) order by n`;
    } catch (error) {
      log?.warn({ err: error as Error, events: batch.length }, "NOTIFY failed: sockets catch up when they resume");
      throw error;
    }
  });

  return {
    publish: (events) => batcher.add(events),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await batcher.flushed();
      closed = true;
      clearInterval(heartbeat);
      listeners.clear();
      await listening;
      await listener?.end({ timeout: 1 }).catch(() => {});
    },
  };
}

/** The dedicated LISTEN connection: one connection, never idled out, no type fetching. */
export function listenerConnection(url: string, ssl: boolean): () => postgres.Sql {
  return () => postgres(url, { max: 1, ssl: ssl ? "require" : false, idle_timeout: 0, max_lifetime: null, fetch_types: false, connect_timeout: 5, onnotice: () => {} });
}
