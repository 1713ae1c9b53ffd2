/** 3. Message ingest on PostgreSQL: concurrent visitors posting over HTTP to a server process, and
 * the floor: the same essential database work done directly with postgres.js at the same concurrency. */
import postgres from "postgres";
import { clientMessageId, HttpClient, mapConcurrently, runWorkers, type Visitor } from "./hummdesk-client.ts";
import { benchSecret, errorText, latencyCells, postMessages, prepareVisitors, questionText } from "./message-load.ts";
import { fmt } from "./report.ts";
import { checkAborted, type Section } from "./section.ts";
import { startBenchServer } from "./server-process.ts";
import { summarize } from "./stats.ts";

const CONCURRENCY = 50;
/** Three visitors per concurrent sender: the server allows 40 sends a minute per visitor. */
const VISITORS = 150;
const MESSAGES = 4000;
const POOL_SIZE = 20;

export const ingestSection: Section = {
  id: "ingest",
  title: "3. Message ingest (PostgreSQL)",
  timeoutMs: 180_000,
  async run({ log, defer, postgres: startPostgres, signal }) {
    const pg = await startPostgres();
    const url = await pg.createDatabase("bench_ingest");
    log("starting a server process on PostgreSQL (HUMMDESK_WORKERS=0)");
    const server = await startBenchServer({ env: { DATABASE_URL: url, HUMMDESK_WORKERS: "0", HUMMDESK_SECRET: benchSecret(), DATABASE_POOL_SIZE: String(POOL_SIZE) } });
    defer(() => server.stop());
    const client = new HttpClient(server.url, CONCURRENCY);
    defer(() => client.close());

    log(`preparing ${VISITORS} visitors (token, first message)`);
    const visitors = await prepareVisitors(client, VISITORS, 0, "ingest");
    checkAborted(signal);
    log(`${MESSAGES} messages from ${CONCURRENCY} concurrent senders over HTTP`);
    const http = await postMessages([client], visitors, CONCURRENCY, MESSAGES, "ingest");
    log(`HTTP: ${fmt(http.perSecond, 0)} messages/s`);
    checkAborted(signal);

    // The floor: the essential writes of a visitor message, with nothing else around them.
    const owner = pg.owner(url);
    defer(() => owner.end({ timeout: 2 }));
    const rows = await owner<{ id: string; account_id: string; contact_id: string }[]>`
      select id, account_id, contact_id from conversations where id in ${owner(visitors.map((v) => v.conversationId as number))}`;
    const byConversation = new Map(rows.map((row) => [Number(row.id), row]));
    const sql = postgres(url, { max: POOL_SIZE, onnotice: () => {}, connection: { role: "hummdesk_app" } as Record<string, string> });
    defer(() => sql.end({ timeout: 2 }));
    const insertOne = async (visitor: Visitor, n: number, prefix: string) => {
      const conversation = byConversation.get(visitor.conversationId as number);
      if (!conversation) throw new Error(`conversation ${visitor.conversationId} not found`);
      await sql.begin(async (tx) => {
        await tx`select set_config('app.account_id', ${conversation.account_id}, true)`;
        await tx`select pg_advisory_xact_lock(hashtext(${`visitor:${visitor.visitorId}`}))`;
        const [message] = await tx<{ created_at: Date }[]>`
          insert into messages (account_id, conversation_id, sender_type, sender_id, message_type, content, client_message_id)
          values (${conversation.account_id}, ${conversation.id}, 'contact', ${conversation.contact_id}, 'incoming', ${questionText(n)}, ${clientMessageId(prefix, n)})
          returning *`;
        await tx`update conversations set last_activity_at = ${message?.created_at ?? new Date()}, unread_count = unread_count + 1 where id = ${conversation.id} returning *`;
      });
    };
    log("floor: the same writes with postgres.js directly");
    await mapConcurrently(visitors, CONCURRENCY, (visitor, i) => insertOne(visitor, i, "floor-warm"));
    const floorLatencies: number[] = [];
    let sent = 0;
    const floorStarted = performance.now();
    await runWorkers(CONCURRENCY, async (worker) => {
      const own = visitors.filter((_, index) => index % CONCURRENCY === worker);
      for (let k = 0; sent < MESSAGES; k++) {
        const n = sent++;
        const started = performance.now();
        await insertOne(own[k % own.length] as Visitor, n, "floor");
        floorLatencies.push(performance.now() - started);
      }
    });
    const floorWallMs = performance.now() - floorStarted;
    const floorPerSecond = (floorLatencies.length / floorWallMs) * 1000;
    log(`floor: ${fmt(floorPerSecond, 0)} messages/s`);

    const httpSummary = summarize(http.latencies);
    const floorSummary = summarize(floorLatencies);
    return {
      tables: [
        {
          columns: ["path", "messages/s", "p50", "p95", "p99", "max", "messages", "errors"],
          rows: [
            ["HTTP `POST /widget/v1/messages` → server process", fmt(http.perSecond, 0), ...latencyCells(httpSummary), String(http.latencies.length), errorText(http.errors)],
            ["floor: postgres.js transaction, no server", fmt(floorPerSecond, 0), ...latencyCells(floorSummary), String(floorLatencies.length), "none"],
            ["server ÷ floor", `${fmt((http.perSecond / floorPerSecond) * 100, 0)} % of the floor`, `${fmt(httpSummary.p50 / floorSummary.p50, 1)}×`, `${fmt(httpSummary.p95 / floorSummary.p95, 1)}×`, `${fmt(httpSummary.p99 / floorSummary.p99, 1)}×`, "", "", ""],
          ],
        },
      ],
      notes: [
        `${MESSAGES} messages from ${CONCURRENCY} concurrent senders, each cycling through 3 of ${VISITORS} visitors (own visitor token, own X-Forwarded-For address: the server allows 40 sends a minute per visitor and 600 requests per IP), half in the seeded K-Rauta inbox and half in a second inbox (3,000 sends a minute per inbox). Every visitor's first message (contact and conversation created) was sent before timing.`,
        `Server: one process, \`node --import tsx server/src/main.ts\`, DATABASE_URL on the embedded PostgreSQL (test/embedded-server.ts: fsync=off, synchronous_commit=off), HUMMDESK_WORKERS=0, pool ${POOL_SIZE}. Each send verifies the token, checks the origin, and in one transaction locks the visitor, finds contact, duplicate and conversation, inserts the message, updates the conversation and enqueues the AI job; then publishes two NOTIFY events.`,
        `Floor: the same ${CONCURRENCY} senders and conversations, postgres.js pool of ${POOL_SIZE} as role hummdesk_app; per message one transaction: set_config('app.account_id'), pg_advisory_xact_lock on the visitor, INSERT the message, UPDATE the conversation's last_activity_at and unread_count.`,
        "Latency is the client's: request start to the last byte of the response (HTTP) or to COMMIT returning (floor). The client runs on the same 2 cores.",
      ],
      figures: {
        concurrency: CONCURRENCY,
        visitors: VISITORS,
        messages: MESSAGES,
        http: { perSecond: http.perSecond, wallMs: http.wallMs, latencyMs: httpSummary, errors: http.errors },
        floor: { perSecond: floorPerSecond, wallMs: floorWallMs, latencyMs: floorSummary },
        serverShareOfFloor: http.perSecond / floorPerSecond,
      },
    };
  },
};
