/** 3. Message ingest on PostgreSQL: concurrent visitors posting over HTTP to a server process, and
 * the floor: the same essential database work done directly with postgres.js at the same
 * concurrency. Rounds alternate between the two (so load from elsewhere hits both alike), on a
 * fast server (fsync off) and a durable one (fsync and synchronous_commit on); CPU per message
 * (Node, PostgreSQL) and database round trips per message (counted on the wire) beside them. */
import postgres from "postgres";
import { startRoundTripCounter } from "../test/round-trip-counter.ts";
import { type BenchPostgres, processCpuSeconds, startBenchPostgres } from "./bench-postgres.ts";
import { clientMessageId, HttpClient, mapConcurrently, runWorkers, type Visitor } from "./hummdesk-client.ts";
import { benchSecret, errorText, latencyCells, postMessages, prepareVisitors, questionText } from "./message-load.ts";
import { fmt } from "./report.ts";
import { checkAborted, type Section, type SectionContext } from "./section.ts";
import { startBenchServer } from "./server-process.ts";
import { summarize } from "./stats.ts";

const CONCURRENCY = 50;
/** Three visitors per concurrent sender: the server allows 40 sends a minute per visitor. */
const VISITORS = 150;
const MESSAGES = 3000;
const ROUNDS = 3;
const PACED = 600;
const COUNTED = 100;
const POOL_SIZE = 20;

interface Variant {
  label: string;
  http: { perSecond: number; latencies: number[]; errors: Record<string, number>; nodeCpuMsPerMessage: number; pgCpuMsPerMessage: number; roundTrips: number };
  floor: { perSecond: number; latencies: number[]; nodeCpuMsPerMessage: number; pgCpuMsPerMessage: number; roundTrips: number };
  paced: { rate: number; latencies: number[]; errors: Record<string, number> };
}

async function measureVariant(pg: BenchPostgres, label: string, ctx: SectionContext): Promise<Variant> {
  const { log, defer, signal } = ctx;
  const slug = label.replace(/[^a-z0-9]+/gi, "-");
  const url = await pg.createDatabase("bench_ingest");
  log(`[${label}] starting a server process on PostgreSQL (HUMMDESK_WORKERS=0)`);
  const env = { DATABASE_URL: url, HUMMDESK_WORKERS: "0", HUMMDESK_SECRET: benchSecret(), DATABASE_POOL_SIZE: String(POOL_SIZE) };
  const server = await startBenchServer({ env });
  defer(() => server.stop());
  const client = new HttpClient(server.url, CONCURRENCY);
  defer(() => client.close());
  log(`[${label}] preparing ${VISITORS} visitors (token, first message)`);
  const visitors = await prepareVisitors(client, VISITORS, 0, `ingest-${slug}`);
  checkAborted(signal);

  // The floor: the essential writes of a visitor message, with nothing else around them.
  const owner = pg.owner(url);
  defer(() => owner.end({ timeout: 2 }));
  const rows = await owner<{ id: string; account_id: string; contact_id: string }[]>`
    select id, account_id, contact_id from conversations where id in ${owner(visitors.map((v) => v.conversationId as number))}`;
  const byConversation = new Map(rows.map((row) => [Number(row.id), row]));
  const floorPool = (poolUrl: string) => postgres(poolUrl, { max: POOL_SIZE, onnotice: () => {}, connection: { role: "hummdesk_app" } as Record<string, string> });
  const sql = floorPool(url);
  defer(() => sql.end({ timeout: 2 }));
  const insertOne = async (db: postgres.Sql, visitor: Visitor, n: number, prefix: string) => {
    const conversation = byConversation.get(visitor.conversationId as number);
    if (!conversation) throw new Error(`conversation ${visitor.conversationId} not found`);
    await db.begin(async (tx) => {
      await tx`select set_config('app.account_id', ${conversation.account_id}, true)`;
      await tx`select pg_advisory_xact_lock(hashtext(${`visitor:${visitor.visitorId}`}))`;
      const [message] = await tx<{ created_at: Date }[]>`
        insert into messages (account_id, conversation_id, sender_type, sender_id, message_type, content, client_message_id)
        values (${conversation.account_id}, ${conversation.id}, 'contact', ${conversation.contact_id}, 'incoming', ${questionText(n)}, ${clientMessageId(prefix, n)})
        returning *`;
      await tx`update conversations set last_activity_at = ${message?.created_at ?? new Date()}, unread_count = unread_count + 1 where id = ${conversation.id} returning *`;
    });
  };
  const floorRound = async (db: postgres.Sql, total: number, first: number, prefix: string) => {
    const latencies: number[] = [];
    let sent = 0;
    await runWorkers(CONCURRENCY, async (worker) => {
      const own = visitors.filter((_, index) => index % CONCURRENCY === worker);
      for (let k = 0; sent < total; k++) {
        const n = first + sent++;
        const started = performance.now();
        await insertOne(db, own[k % own.length] as Visitor, n, prefix);
        latencies.push(performance.now() - started);
      }
    });
    return latencies;
  };
  await mapConcurrently(visitors, CONCURRENCY, (visitor, i) => insertOne(sql, visitor, i, `floor-warm-${slug}`));

  const http = { latencies: [] as number[], wallMs: 0, errors: {} as Record<string, number>, nodeCpu: 0, pgCpu: 0 };
  const floor = { latencies: [] as number[], wallMs: 0, nodeCpu: 0, pgCpu: 0 };
  const perRound = MESSAGES / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    checkAborted(signal);
    let node = processCpuSeconds(server.pid);
    let pgCpu = pg.cpuSeconds();
    const sent = await postMessages([client], visitors, CONCURRENCY, perRound, `ingest-${slug}-${round}`);
    http.nodeCpu += processCpuSeconds(server.pid) - node;
    http.pgCpu += pg.cpuSeconds() - pgCpu;
    http.latencies.push(...sent.latencies);
    http.wallMs += sent.wallMs;
    for (const [key, count] of Object.entries(sent.errors)) http.errors[key] = (http.errors[key] ?? 0) + count;
    node = process.cpuUsage().user + process.cpuUsage().system;
    pgCpu = pg.cpuSeconds();
    const started = performance.now();
    floor.latencies.push(...(await floorRound(sql, perRound, round * perRound, `floor-${slug}-${round}`)));
    floor.wallMs += performance.now() - started;
    floor.nodeCpu += (process.cpuUsage().user + process.cpuUsage().system - node) / 1e6;
    floor.pgCpu += pg.cpuSeconds() - pgCpu;
    log(`[${label}] round ${round + 1}/${ROUNDS}: HTTP ${fmt((sent.latencies.length / sent.wallMs) * 1000, 0)}/s, floor ${fmt((perRound / (performance.now() - started)) * 1000, 0)}/s`);
  }
  const httpPerSecond = (http.latencies.length / http.wallMs) * 1000;
  const floorPerSecond = (floor.latencies.length / floor.wallMs) * 1000;

  // p99 at half the server's rate: an open loop at a fixed pace (a sender's wait counts).
  checkAborted(signal);
  const rate = httpPerSecond / 2;
  log(`[${label}] ${PACED} messages paced at ${fmt(rate, 0)}/s (half the measured rate)`);
  const paced = await postMessages([client], visitors, CONCURRENCY, PACED, `paced-${slug}`, undefined, 1000 / rate);

  // Round trips per steady-state message, counted on the wire: a second server and a floor pool
  // through a counting proxy (kept out of the timed rounds, where it would add latency).
  checkAborted(signal);
  const counter = await startRoundTripCounter(url);
  defer(() => counter.close());
  const counted = await startBenchServer({ env: { ...env, DATABASE_URL: counter.url } });
  defer(() => counted.stop());
  const countedClient = new HttpClient(counted.url, 10);
  defer(() => countedClient.close());
  const few = visitors.slice(0, 10);
  await postMessages([countedClient], few, 10, 20, `count-warm-${slug}`);
  counter.reset();
  await postMessages([countedClient], few, 10, COUNTED, `count-${slug}`);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the batched NOTIFY after the last send
  const httpTrips = counter.count() / COUNTED;
  const countedFloor = floorPool(counter.url);
  defer(() => countedFloor.end({ timeout: 2 }));
  await floorRound(countedFloor, 20, 0, `count-floor-warm-${slug}`);
  counter.reset();
  await floorRound(countedFloor, COUNTED, 0, `count-floor-${slug}`);
  const floorTrips = counter.count() / COUNTED;
  await counted.stop();

  return {
    label,
    http: {
      perSecond: httpPerSecond,
      latencies: http.latencies,
      errors: http.errors,
      nodeCpuMsPerMessage: (http.nodeCpu * 1000) / http.latencies.length,
      pgCpuMsPerMessage: (http.pgCpu * 1000) / http.latencies.length,
      roundTrips: httpTrips,
    },
    floor: {
      perSecond: floorPerSecond,
      latencies: floor.latencies,
      nodeCpuMsPerMessage: (floor.nodeCpu * 1000) / floor.latencies.length,
      pgCpuMsPerMessage: (floor.pgCpu * 1000) / floor.latencies.length,
      roundTrips: floorTrips,
    },
    paced: { rate, latencies: paced.latencies, errors: paced.errors },
  };
}

export const ingestSection: Section = {
  id: "ingest",
  title: "3. Message ingest (PostgreSQL)",
  timeoutMs: 600_000,
  async run(ctx) {
    const fast = await measureVariant(await ctx.postgres(), "fsync off", ctx);
    ctx.log("starting a durable PostgreSQL (fsync=on, synchronous_commit=on)");
    const durablePg = await startBenchPostgres({ durable: true });
    ctx.defer(() => durablePg.stop());
    const durable = await measureVariant(durablePg, "durable", ctx);
    const rows: string[][] = [];
    const figures: Record<string, unknown> = {};
    for (const v of [fast, durable]) {
      const httpSummary = summarize(v.http.latencies);
      const floorSummary = summarize(v.floor.latencies);
      const pacedSummary = summarize(v.paced.latencies);
      const share = v.http.perSecond / v.floor.perSecond;
      rows.push(
        [`${v.label}: HTTP \`POST /widget/v1/messages\` → server`, fmt(v.http.perSecond, 0), `${fmt(share * 100, 0)} %`, ...latencyCells(httpSummary), `${fmt(v.http.nodeCpuMsPerMessage, 2)} / ${fmt(v.http.pgCpuMsPerMessage, 2)}`, fmt(v.http.roundTrips, 1), errorText(v.http.errors)],
        [`${v.label}: floor, postgres.js, no server`, fmt(v.floor.perSecond, 0), "100 %", ...latencyCells(floorSummary), `${fmt(v.floor.nodeCpuMsPerMessage, 2)} / ${fmt(v.floor.pgCpuMsPerMessage, 2)}`, fmt(v.floor.roundTrips, 1), "none"],
        [`${v.label}: HTTP paced at ${fmt(v.paced.rate, 0)}/s (half)`, fmt(v.paced.rate, 0), "", ...latencyCells(pacedSummary), "", "", errorText(v.paced.errors)],
      );
      figures[v.label] = {
        http: { perSecond: v.http.perSecond, latencyMs: httpSummary, errors: v.http.errors, nodeCpuMsPerMessage: v.http.nodeCpuMsPerMessage, pgCpuMsPerMessage: v.http.pgCpuMsPerMessage, roundTrips: v.http.roundTrips },
        floor: { perSecond: v.floor.perSecond, latencyMs: floorSummary, nodeCpuMsPerMessage: v.floor.nodeCpuMsPerMessage, pgCpuMsPerMessage: v.floor.pgCpuMsPerMessage, roundTrips: v.floor.roundTrips },
        paced: { rate: v.paced.rate, latencyMs: pacedSummary, p99Ms: pacedSummary.p99 },
        serverShareOfFloor: share,
      };
    }
    return {
      tables: [{ columns: ["path", "messages/s", "of floor", "p50", "p95", "p99", "max", "CPU ms/msg Node / PostgreSQL", "round trips/msg", "errors"], rows }],
      notes: [
        `${MESSAGES} messages per path in ${ROUNDS} alternating rounds (server, floor, server, …) from ${CONCURRENCY} concurrent senders, each cycling through 3 of ${VISITORS} visitors; every visitor's first message (contact and conversation created) sent before timing. Then ${PACED} messages at a fixed pace of half the server's measured rate (open loop: a send waiting for a free sender counts in its latency).`,
        `Server: one process (what \`pnpm start\` runs), DATABASE_URL on embedded PostgreSQL, HUMMDESK_WORKERS=0, pool ${POOL_SIZE}. A steady-state send is one prepared statement (hummdesk_visitor_send: visitor lock, duplicate check, insert, unread bump, AI job) plus the batched NOTIFY after commit.`,
        `Floor: postgres.js pool of ${POOL_SIZE} as role hummdesk_app; per message one transaction: set_config('app.account_id'), pg_advisory_xact_lock on the visitor, INSERT the message, UPDATE the conversation.`,
        "Rows: fsync off = fsync=off, synchronous_commit=off; durable = fsync=on, synchronous_commit=on (a second embedded server). CPU: the server process's (or, for the floor, the bench process's) utime+stime and PostgreSQL's (postmaster and its backends) per message over the timed rounds; the HTTP row's Node CPU is the server's only (the load generator is not counted). Round trips: Sync, Flush and simple Query messages counted by a proxy in front of PostgreSQL over 100 steady-state messages (a separate server process and pool; the proxy is not in the timed rounds).",
        `Latency is the client's: request start to the last byte of the response (HTTP) or to COMMIT returning (floor). The client runs on the same 2 cores.`,
      ],
      figures,
    };
  },
};
