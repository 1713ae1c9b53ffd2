/** 4. Realtime delivery: visitor POST → agent socket and agent reply → visitor socket, with 0, 1,000
 * and 10,000 idle authenticated visitor sockets open, and the server's memory per socket. */
import { benchSecret, latencyCells } from "./message-load.ts";
import {
  type SignedInAgent,
  clientMessageId,
  createVisitor,
  type FrameSocket,
  HttpClient,
  KRAUTA_AGENT,
  KRAUTA_WEBSITE_TOKEN,
  login,
  mapConcurrently,
  openAgentSocket,
  openVisitorSocket,
  sendVisitorMessage,
  type Visitor,
} from "./hummdesk-client.ts";
import { fmt, type Table } from "./report.ts";
import { checkAborted, type Section } from "./section.ts";
import { startBenchServer } from "./server-process.ts";
import { type Summary, summarize } from "./stats.ts";

const ROUND_TRIPS = 200;
const WARM_UP = 20;
/** Probe visitors per phase: at most 23 sends each stays under the 40-a-minute limit per visitor. */
const PROBES = 10;
const IDLE_STEPS = [0, 1_000, 10_000];
const OPEN_CONCURRENCY = 100;

interface Probe extends Visitor {
  socket: FrameSocket;
}

interface Phase {
  idleSockets: number;
  visitorToAgent: Summary;
  agentToVisitor: Summary;
  rssBytes: number;
}

async function openProbes(client: HttpClient, baseUrl: string, firstIndex: number): Promise<Probe[]> {
  return mapConcurrently(
    Array.from({ length: PROBES }, (_, i) => firstIndex + i),
    PROBES,
    async (index) => {
      const visitor = await createVisitor(client, KRAUTA_WEBSITE_TOKEN, index);
      const first = await sendVisitorMessage(client, visitor, clientMessageId("probe-first", index), "Hei, kysyisin toimituksesta.");
      if (first.status !== 201) throw new Error(`probe's first message answered ${first.status}`);
      visitor.conversationId = first.body.conversation.id;
      const socket = await openVisitorSocket(baseUrl, visitor);
      return { ...visitor, socket };
    },
  );
}

/** Sequential round trips: the next starts when the previous frame has arrived. */
async function measureRoundTrips(client: HttpClient, agent: SignedInAgent, agentSocket: FrameSocket, probes: Probe[], label: string, warmUp: number) {
  const visitorToAgent: number[] = [];
  const agentToVisitor: number[] = [];
  for (let i = 0; i < warmUp + ROUND_TRIPS; i++) {
    const probe = probes[i % probes.length] as Probe;
    const id = clientMessageId(`${label}-v`, i);
    const arrived = agentSocket.next((frame) => frame.type === "message.created" && frame.data?.clientMessageId === id);
    const started = performance.now();
    const sent = await sendVisitorMessage(client, probe, id, `Kysymys ${i}: onko tuote varastossa?`);
    if (sent.status !== 201) throw new Error(`visitor message answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    const latency = (await arrived).at - started;
    if (i >= warmUp) visitorToAgent.push(latency);
  }
  for (let i = 0; i < warmUp + ROUND_TRIPS; i++) {
    const probe = probes[i % probes.length] as Probe;
    const id = clientMessageId(`${label}-a`, i);
    const arrived = probe.socket.next((frame) => frame.type === "message.created" && frame.data?.clientMessageId === id);
    const started = performance.now();
    const sent = await client.call("POST", `/api/v1/accounts/${agent.accountId}/conversations/${probe.conversationId}/messages`, {
      body: { content: `Vastaus ${i}: kyllä on.`, clientMessageId: id },
      headers: agent.headers,
    });
    if (sent.status !== 201) throw new Error(`agent reply answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    const latency = (await arrived).at - started;
    if (i >= warmUp) agentToVisitor.push(latency);
  }
  return { visitorToAgent: summarize(visitorToAgent), agentToVisitor: summarize(agentToVisitor) };
}

export const realtimeSection: Section = {
  id: "realtime",
  title: "4. Realtime delivery",
  timeoutMs: 240_000,
  async run({ log, defer, postgres: startPostgres, signal }) {
    const pg = await startPostgres();
    const url = await pg.createDatabase("bench_realtime");
    log("starting a server process on PostgreSQL (HUMMDESK_WORKERS=0)");
    const server = await startBenchServer({
      // All 10,000 sockets come from this one machine: the per-address socket limit is lifted here.
      env: { DATABASE_URL: url, HUMMDESK_WORKERS: "0", HUMMDESK_SECRET: benchSecret(), HUMMDESK_MAX_SOCKETS_PER_IP: "20000" },
    });
    defer(() => server.stop());
    const client = new HttpClient(server.url, OPEN_CONCURRENCY);
    defer(() => client.close());
    const agent = await login(client, KRAUTA_AGENT);
    const agentSocket = await openAgentSocket(server.url, agent);
    defer(() => agentSocket.close());

    const idle: FrameSocket[] = [];
    defer(() => {
      for (const socket of idle) socket.close();
    });
    let rssBefore = Number.NaN;
    const opening = { failure: null as string | null };
    const phases: Phase[] = [];
    for (const [step, target] of IDLE_STEPS.entries()) {
      checkAborted(signal);
      if (target > idle.length && !opening.failure) {
        if (idle.length === 0) rssBefore = server.rssBytes();
        log(`opening idle visitor sockets: ${idle.length} → ${target}`);
        const indices = Array.from({ length: target - idle.length }, (_, i) => idle.length + i);
        await mapConcurrently(indices, OPEN_CONCURRENCY, async (index) => {
          if (opening.failure || signal.aborted) return;
          try {
            const visitor = await createVisitor(client, KRAUTA_WEBSITE_TOKEN, index);
            idle.push(await openVisitorSocket(server.url, visitor));
          } catch (error) {
            opening.failure ??= `stopped at ${idle.length} sockets: ${error instanceof Error ? error.message : String(error)}`;
          }
        });
        if (opening.failure) log(opening.failure);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      const probes = await openProbes(client, server.url, 1_000_000 + step * 1000);
      const rssBytes = server.rssBytes();
      log(`${idle.length} idle sockets, RSS ${fmt(rssBytes / 1024 ** 2, 0)} MiB: ${ROUND_TRIPS} round trips each way`);
      // The first step also warms the server's code paths up (not counted).
      const measured = await measureRoundTrips(client, agent, agentSocket, probes, `rt${step}`, step === 0 ? WARM_UP : 0);
      for (const probe of probes) probe.socket.close();
      phases.push({ idleSockets: idle.length, rssBytes, ...measured });
    }

    const perSocket = (phase: Phase) => (phase.idleSockets > 0 ? (phase.rssBytes - rssBefore) / phase.idleSockets : Number.NaN);
    const [, smaller, larger] = phases;
    // From the smaller to the larger step: the cost of one more socket, past the one-off growth of the heap.
    const marginal = smaller && larger && larger.idleSockets > smaller.idleSockets ? (larger.rssBytes - smaller.rssBytes) / (larger.idleSockets - smaller.idleSockets) : Number.NaN;
    const table: Table = {
      columns: ["idle visitor sockets", "direction", "p50", "p95", "p99", "max", "server RSS", "RSS per idle socket"],
      rows: phases.flatMap((phase) => [
        [fmt(phase.idleSockets, 0), "visitor POST → agent socket", ...latencyCells(phase.visitorToAgent), `${fmt(phase.rssBytes / 1024 ** 2, 0)} MiB`, phase.idleSockets ? `${fmt(perSocket(phase) / 1024, 1)} KiB` : "—"],
        [fmt(phase.idleSockets, 0), "agent reply POST → visitor socket", ...latencyCells(phase.agentToVisitor), "", ""],
      ]),
    };
    return {
      tables: [table],
      notes: [
        `${ROUND_TRIPS} sequential round trips per direction and step (after ${WARM_UP} not counted before the first step), spread over ${PROBES} probe visitors (fresh per step, first message sent before timing); latency = request start in the bench to the frame's arrival on the other socket (\`message.created\` with the same clientMessageId).`,
        "One server process on the embedded PostgreSQL (events go through LISTEN/NOTIFY even within one process), HUMMDESK_WORKERS=0; the agent is aino@k-rauta.example on `/api/v1/ws`, visitors on `/widget/v1/ws`, each authenticated by its first frame.",
        `Idle sockets: each a distinct visitor (own token and X-Forwarded-For address) opened ${OPEN_CONCURRENCY} at a time with the \`ws\` package and authenticated (\`ready\` received), then left open. Memory per socket = (server VmRSS with the sockets − VmRSS before the first idle socket) ÷ sockets, read from /proc/<pid>/status 2 s after opening; RSS includes heap not yet collected.`,
        "RSS moves with garbage collection by tens of MiB, so the per-socket figure at 1,000 sockets is mostly that noise; read the one at 10,000 and the marginal one.",
        `Marginal memory per socket from ${fmt(smaller?.idleSockets, 0)} to ${fmt(larger?.idleSockets, 0)} sockets: ${fmt(marginal / 1024, 1)} KiB (RSS difference ÷ socket difference).`,
        opening.failure ? `Not every socket opened: ${opening.failure}.` : `All ${fmt(IDLE_STEPS[IDLE_STEPS.length - 1], 0)} idle sockets opened and authenticated.`,
      ],
      figures: {
        roundTrips: ROUND_TRIPS,
        rssBeforeBytes: rssBefore,
        phases: phases.map((phase) => ({ ...phase, rssPerIdleSocketBytes: perSocket(phase) })),
        marginalRssPerSocketBytes: marginal,
        openFailure: opening.failure,
      },
    };
  },
};
