/** The message load the ingest and scale-out sections share: visitors prepared over two inboxes,
 * then concurrent senders posting visitor messages, with latency, throughput and errors. */
import { randomBytes } from "node:crypto";
import {
  clientMessageId,
  createInbox,
  createVisitor,
  type HttpClient,
  KRAUTA_ADMIN,
  KRAUTA_WEBSITE_TOKEN,
  login,
  mapConcurrently,
  runWorkers,
  sendVisitorMessage,
  type Visitor,
} from "./hummdesk-client.ts";
import { ms } from "./report.ts";
import type { Summary } from "./stats.ts";

const PREPARE_CONCURRENCY = 50;

/** One signing secret for every process of a section (they must agree on visitor tokens). */
export const benchSecret = () => randomBytes(32).toString("hex");

export const questionText = (n: number) => `Hei! Tilaus ${100000 + n}: milloin se toimitetaan, ja voiko sen noutaa myymälästä?`;

export interface LoadOutcome {
  latencies: number[];
  wallMs: number;
  perSecond: number;
  errors: Record<string, number>;
}

/** `workers` senders at once, each cycling through its own visitors, `total` messages in all. */
export async function postMessages(
  clients: HttpClient[],
  visitors: Visitor[],
  workers: number,
  total: number,
  prefix: string,
  onSent?: (info: { clientMessageId: string; client: number; startedAt: number }) => void,
  /** Open loop: message n starts at n × intervalMs from the start (a fixed rate), not when a sender is free. */
  intervalMs?: number,
): Promise<LoadOutcome> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let sent = 0;
  let turn = 0;
  const started = performance.now();
  await runWorkers(workers, async (worker) => {
    const own = visitors.filter((_, index) => index % workers === worker);
    for (let k = 0; sent < total; k++) {
      const n = sent++;
      if (intervalMs) {
        const wait = started + n * intervalMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const visitor = own[k % own.length] as Visitor;
      const clientIndex = turn++ % clients.length;
      const id = clientMessageId(prefix, n);
      const startedAt = performance.now();
      onSent?.({ clientMessageId: id, client: clientIndex, startedAt });
      try {
        const result = await sendVisitorMessage(clients[clientIndex] as HttpClient, visitor, id, questionText(n));
        if (result.status === 201) latencies.push(result.ms);
        else errors[String(result.status)] = (errors[String(result.status)] ?? 0) + 1;
      } catch (error) {
        const key = error instanceof Error ? error.message.slice(0, 80) : "error";
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  });
  const wallMs = performance.now() - started;
  return { latencies, wallMs, perSecond: (latencies.length / wallMs) * 1000, errors };
}

/** Visitors spread over two inboxes of the demo account (the send limit is 3,000 a minute per inbox),
 * each with its first message sent (contact and conversation created) before anything is timed. */
export async function prepareVisitors(client: HttpClient, count: number, firstIndex: number, label: string): Promise<Visitor[]> {
  const admin = await login(client, KRAUTA_ADMIN);
  const second = await createInbox(client, admin, `Bench storefront ${label}`);
  const visitors = await mapConcurrently(
    Array.from({ length: count }, (_, i) => i),
    PREPARE_CONCURRENCY,
    (i) => createVisitor(client, i % 2 === 0 ? KRAUTA_WEBSITE_TOKEN : second, firstIndex + i),
  );
  await mapConcurrently(visitors, PREPARE_CONCURRENCY, async (visitor) => {
    const result = await sendVisitorMessage(client, visitor, clientMessageId(`first-${label}`, visitor.index), "Hei, minulla on kysymys tilauksesta.");
    if (result.status !== 201) throw new Error(`first message of visitor ${visitor.index} answered ${result.status}: ${JSON.stringify(result.body)}`);
    visitor.conversationId = result.body.conversation.id;
  });
  return visitors;
}

export const latencyCells = (summary: Summary) => [ms(summary.p50, 1), ms(summary.p95, 1), ms(summary.p99, 1), ms(summary.max, 1)];

export const errorText = (errors: Record<string, number>) =>
  Object.keys(errors).length ? Object.entries(errors).map(([what, count]) => `${count}× ${what}`).join(", ") : "none";

