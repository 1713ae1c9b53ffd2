/** The AI worker: claims due jobs (SKIP LOCKED, leased), runs the pipeline, keeps the lease alive
 * while a draft streams, retries with backoff, falls back to the built-in provider on the last
 * attempt, and fails visibly after it. Any number of workers in any number of processes. */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/client.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { type AIBudget, meterProvider, recordAITokens, takeAIBudget } from "./ai-budget.ts";
import { handOffOverBudget } from "./budget-handoff.ts";
import { createProvider } from "./create-provider.ts";
import { type ClaimedJob, claimJobs, completeJob, extendLease, failJob, MESSAGE_JOB, StaleJobError } from "./jobs.ts";
import type { AIProvider } from "./provider.ts";

export interface WorkerOptions {
  db: Database;
  hub: RealtimeHub;
  log: FastifyBaseLogger;
  provider: AIProvider;
  /** Used on a job's last attempt when the main provider keeps failing. */
  fallback?: AIProvider;
  leaseSeconds?: number;
  pollMs?: number;
  concurrency?: number;
  /** Jobs one account may run at once on this worker's claims (fairness across accounts). */
  perAccount?: number;
  /** Per-account AI budget; unlimited when absent. */
  budget?: AIBudget;
  /** First retry delay; doubles per attempt, capped at 30 s. */
  backoffSeconds?: number;
  /** Upper bound on a model answer, in tokens. */
  maxTokens?: number;
}

/** The pipeline's code (retrieval, ranking, composing) loads with the first job, not at start. */
const loadPipeline = () => import("./pipeline.ts");

export function createWorker(options: WorkerOptions) {
  const { db, hub, log, provider } = options;
  const fallback = options.fallback ?? createProvider();
  const leaseSeconds = options.leaseSeconds ?? 30;
  const pollMs = options.pollMs ?? 250;
  const concurrency = options.concurrency ?? 4;
  const perAccount = options.perAccount ?? 2;
  const budget = options.budget ?? { jobsPerMinute: 0, tokensPerDay: 0 };
  const backoff = options.backoffSeconds ?? 2;
  const id = `worker-${randomUUID().slice(0, 8)}`;
  let running = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  async function run(job: ClaimedJob): Promise<void> {
    const lease = setInterval(() => {
      extendLease(db, job, leaseSeconds).catch(() => {});
    }, (leaseSeconds * 1000) / 3);
    try {
      if (job.kind !== MESSAGE_JOB) throw new Error(`unknown job kind ${job.kind}`);
      const verdict = await takeAIBudget(db, job.accountId, budget);
      if (verdict !== "ok") {
        await handOffOverBudget({ db, hub, log }, job, verdict);
        await completeJob(db, job);
        return;
      }
      const last = job.attempts >= job.maxAttempts;
      const chosen = last && provider.name !== fallback.name ? fallback : provider;
      // The built-in provider costs no model tokens; a model's are counted against the budget.
      const metered = chosen.name === fallback.name ? null : meterProvider(chosen);
      const { processMessageJob } = await loadPipeline();
      try {
        await processMessageJob({ db, hub, log, ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}) }, job, metered?.provider ?? chosen);
      } finally {
        if (metered) await recordAITokens(db, job.accountId, metered.tokens()).catch((e: unknown) => log.warn({ err: e as Error }, "could not record AI tokens"));
      }
      await completeJob(db, job);
    } catch (error) {
      if (error instanceof StaleJobError) {
        log.warn({ jobId: job.id }, "job taken over by another worker; this attempt stops");
        return;
      }
      const final = job.attempts >= job.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ jobId: job.id, attempt: job.attempts, final, error: message }, "AI job failed");
      await failJob(db, job, message, final, Math.min(30, backoff * 2 ** (job.attempts - 1))).catch(() => {});
      if (final) await loadPipeline().then(({ failVisibly }) => failVisibly({ db, hub, log }, job)).catch((e: unknown) => log.error({ err: e as Error }, "could not mark the AI job failed"));
    } finally {
      clearInterval(lease);
    }
  }

  async function tick(): Promise<number> {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const claimed = await claimJobs(db, id, leaseSeconds, free, perAccount);
    for (const job of claimed) {
      const p = run(job).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    return claimed.length;
  }

  const unsubscribe = hub.subscribe((event) => {
    if (event.kind === "message.created") wake?.();
  });

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          const claimed = await tick().catch((error: unknown) => {
            log.warn({ err: error as Error }, "claiming AI jobs failed");
            return 0;
          });
          if (claimed > 0) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              // Let the publishing transaction's commit become visible first.
              setTimeout(resolve, 5);
            };
          });
          wake = null;
        }
      })();
    },
    kick() {
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      unsubscribe();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
