/** 6. Scale-out: two server processes on one PostgreSQL. Delivery across processes (POST to A →
 * agent socket on B), and the throughput of the same load on two processes against one. */
import { benchSecret, errorText, latencyCells, type LoadOutcome, postMessages, prepareVisitors } from "./message-load.ts";
import { clientMessageId, type FrameSocket, HttpClient, KRAUTA_AGENT, KRAUTA_WEBSITE_TOKEN, createVisitor, login, openAgentSocket, sendVisitorMessage, type Visitor } from "./hummdesk-client.ts";
import { fmt } from "./report.ts";
import { checkAborted, type Section } from "./section.ts";
import { type BenchServer, startBenchServer } from "./server-process.ts";
import { type Summary, summarize } from "./stats.ts";

const CONCURRENCY = 50;
const VISITORS = 100;
const MESSAGES = 2000;
const PROBES = 10;
const PROBE_ROUND_TRIPS = 100;

/** Sequential sends through `via`, each timed until the agent socket (on another or the same process) has it. */
async function probeDelivery(via: HttpClient, agentSocket: FrameSocket, probes: Visitor[], label: string): Promise<Summary> {
  const latencies: number[] = [];
  for (let i = 0; i < PROBE_ROUND_TRIPS; i++) {
    const id = clientMessageId(label, i);
    const arrived = agentSocket.next((frame) => frame.type === "message.created" && frame.data?.clientMessageId === id);
    const started = performance.now();
    const sent = await sendVisitorMessage(via, probes[i % probes.length] as Visitor, id, `Kysymys ${i}: onko tuote varastossa?`);
    if (sent.status !== 201) throw new Error(`probe message answered ${sent.status}`);
    latencies.push((await arrived).at - started);
  }
  return summarize(latencies);
}

/** The load, with delivery to the agent socket timed for the sends that went through `timedClient`. */
async function loadWithDelivery(clients: HttpClient[], visitors: Visitor[], agentSocket: FrameSocket, timedClient: number, label: string) {
  const sentAt = new Map<string, number>();
  const delivery: number[] = [];
  let lastFrameAt = performance.now();
  let lastTimedAt = lastFrameAt;
  const off = agentSocket.onFrame((frame) => {
    if (frame.type !== "message.created") return;
    lastFrameAt = frame.at;
    const started = sentAt.get(frame.data?.clientMessageId);
    if (started === undefined) return;
    delivery.push(frame.at - started);
    lastTimedAt = frame.at;
  });
  const outcome = await postMessages(clients, visitors, CONCURRENCY, MESSAGES, label, ({ clientMessageId: id, client, startedAt }) => {
    if (client === timedClient) sentAt.set(id, startedAt);
  });
  // Frames still queued when the last response came: wait for them (until none arrive for 5 s).
  const loadEnded = performance.now();
  while (delivery.length < sentAt.size && performance.now() - lastFrameAt < 5000 && performance.now() - loadEnded < 90_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  off();
  return { outcome, delivery: summarize(delivery), timed: sentAt.size, drainMs: Math.max(0, lastTimedAt - loadEnded) };
}

export const scaleOutSection: Section = {
  id: "scale-out",
  title: "6. Scale-out: two processes on one PostgreSQL",
  timeoutMs: 240_000,
  async run({ log, defer, postgres: startPostgres, signal }) {
    const pg = await startPostgres();
    const url = await pg.createDatabase("bench_scale_out");
    const env = { DATABASE_URL: url, HUMMDESK_WORKERS: "0", HUMMDESK_SECRET: benchSecret() };
    log("starting server processes A and B on one PostgreSQL (HUMMDESK_WORKERS=0)");
    // One after the other: each seeds the demo tenant on start.
    const a: BenchServer = await startBenchServer({ env });
    defer(() => a.stop());
    const b: BenchServer = await startBenchServer({ env });
    defer(() => b.stop());
    const clientA = new HttpClient(a.url, CONCURRENCY);
    const clientB = new HttpClient(b.url, CONCURRENCY);
    defer(() => {
      clientA.close();
      clientB.close();
    });
    const agent = await login(clientB, KRAUTA_AGENT);
    const agentOnB = await openAgentSocket(b.url, agent);
    defer(() => agentOnB.close());

    log(`idle delivery: ${PROBE_ROUND_TRIPS} sends via A and via B, agent socket on B`);
    const probes = await Promise.all(Array.from({ length: PROBES }, (_, i) => createVisitor(clientA, KRAUTA_WEBSITE_TOKEN, 3_000_000 + i)));
    for (const probe of probes) await sendVisitorMessage(clientA, probe, clientMessageId("probe-first", probe.index), "Hei, kysyisin toimituksesta.");
    const crossIdle = await probeDelivery(clientA, agentOnB, probes, "cross");
    const sameIdle = await probeDelivery(clientB, agentOnB, probes, "same");
    checkAborted(signal);

    log(`load on two processes: ${MESSAGES} messages, ${CONCURRENCY} concurrent, alternating A and B`);
    const twoVisitors = await prepareVisitors(clientA, VISITORS, 3_100_000, "scale-two");
    const two = await loadWithDelivery([clientA, clientB], twoVisitors, agentOnB, 0, "two");
    log(`two processes: ${fmt(two.outcome.perSecond, 0)} messages/s`);
    checkAborted(signal);
    // One agent socket in each run: on B for two processes, on A for one.
    agentOnB.close();
    const agentOnA = await openAgentSocket(a.url, agent);
    defer(() => agentOnA.close());

    log(`the same load on process A alone`);
    const oneVisitors = await prepareVisitors(clientA, VISITORS, 3_200_000, "scale-one");
    const one = await loadWithDelivery([clientA], oneVisitors, agentOnA, 0, "one");
    log(`one process: ${fmt(one.outcome.perSecond, 0)} messages/s`);

    const loadRow = (label: string, run: { outcome: LoadOutcome; delivery: Summary; timed: number; drainMs: number }) => [
      label,
      fmt(run.outcome.perSecond, 0),
      ...latencyCells(summarize(run.outcome.latencies)),
      `${fmt(run.delivery.p50, 0)} / ${fmt(run.delivery.p99, 0)} / ${fmt(run.delivery.max, 0)} ms (${run.delivery.n} of ${run.timed}; last ${fmt(run.drainMs / 1000, 1)} s after the last response)`,
      errorText(run.outcome.errors),
    ];
    return {
      tables: [
        {
          caption: `Delivery to an agent socket on process B, ${PROBE_ROUND_TRIPS} sequential sends, no other load:`,
          columns: ["visitor POST to", "p50", "p95", "p99", "max"],
          rows: [
            ["process A (cross-process, via PostgreSQL NOTIFY)", ...latencyCells(crossIdle)],
            ["process B (same process, also via NOTIFY)", ...latencyCells(sameIdle)],
          ],
        },
        {
          caption: `Throughput of the same load (${MESSAGES} messages, ${CONCURRENCY} concurrent senders, ${VISITORS} visitors, one agent socket open):`,
          columns: ["servers", "messages/s", "POST p50", "POST p95", "POST p99", "POST max", "delivery to the agent p50 / p99 / max", "errors"],
          rows: [
            loadRow("two processes, sends alternating A/B, agent on B (delivery timed for sends to A)", two),
            loadRow("one process (A), agent on A", one),
            ["two ÷ one", `${fmt(two.outcome.perSecond / one.outcome.perSecond, 2)}×`, "", "", "", "", "", ""],
          ],
        },
      ],
      notes: [
        `Two \`node --import tsx server/src/main.ts\` processes with the same DATABASE_URL and HUMMDESK_SECRET (pool 20 each), HUMMDESK_WORKERS=0, on the embedded PostgreSQL; the bench client round-robins requests between them.`,
        "Each run uses fresh visitors (first message sent before timing) spread over two inboxes, with distinct X-Forwarded-For addresses; rate limits are counted per process.",
        "Delivery under load is timed from the send's start until the agent socket receives its `message.created`; the run waits for the last one (stopping 5 s after frames stop coming), and says how long after the last HTTP response it came.",
        "Both processes, PostgreSQL and the load generator share the machine's 2 cores, so a second process adds no CPU: this measures the cost of fan-out through PostgreSQL, not horizontal capacity.",
      ],
      figures: {
        idleDeliveryMs: { crossProcess: crossIdle, sameProcess: sameIdle },
        twoProcesses: { perSecond: two.outcome.perSecond, postLatencyMs: summarize(two.outcome.latencies), deliveryFromAMs: two.delivery, timedSends: two.timed, drainMs: two.drainMs, errors: two.outcome.errors },
        oneProcess: { perSecond: one.outcome.perSecond, postLatencyMs: summarize(one.outcome.latencies), deliveryMs: one.delivery, timedSends: one.timed, drainMs: one.drainMs, errors: one.outcome.errors },
        speedup: two.outcome.perSecond / one.outcome.perSecond,
      },
    };
  },
};
