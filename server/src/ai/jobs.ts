/** The durable outbox of AI work: a job is written in the same transaction as the visitor
 * message, claimed with FOR UPDATE SKIP LOCKED under a lease, and every claim bumps a fence so
 * an attempt whose lease expired can no longer write. */
import { and, eq, sql } from "drizzle-orm";
import { type Database, type Executor, rowsOf, withAccount } from "../db/client.ts";
import { jobs } from "../db/schema.ts";

export const MESSAGE_JOB = "ai.message";

export interface ClaimedJob {
  id: number;
  accountId: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  fence: number;
}

export class StaleJobError extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} was taken over by another worker`);
  }
}

/** Writes a job unless one with the same key exists (one message, one job). */
export async function enqueueJob(
  tx: Executor,
  job: { accountId: number; kind: string; uniqueKey: string; payload: Record<string, unknown>; maxAttempts?: number; delayMs?: number },
) {
  await tx
    .insert(jobs)
    .values({
      accountId: job.accountId,
      kind: job.kind,
      uniqueKey: job.uniqueKey,
      payload: job.payload,
      maxAttempts: job.maxAttempts ?? 5,
      ...(job.delayMs ? { runAt: sql`now() + make_interval(secs => ${job.delayMs / 1000})` } : {}),
    })
    .onConflictDoNothing({ target: [jobs.accountId, jobs.kind, jobs.uniqueKey] });
}

/** Claims up to `limit` due jobs round robin across accounts, never more than `perAccount`
 * running at once for one account (a tenant's flood cannot starve the others). Due jobs of a
 * suspended or cancelled account are failed by the same statement, never claimed or run. */
export async function claimJobs(db: Database, worker: string, leaseSeconds: number, limit: number, perAccount = limit): Promise<ClaimedJob[]> {
  return claimDueJobs(db, worker, leaseSeconds, limit, perAccount);
}

async function claimDueJobs(db: Database, worker: string, leaseSeconds: number, limit: number, perAccount: number): Promise<ClaimedJob[]> {
  const rows = rowsOf<{
    id: string | number;
    account_id: string | number;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
    fence: number;
  }>(await db.execute(sql`select * from hummdesk_claim_jobs(${worker}, ${leaseSeconds}, ${limit}, ${perAccount})`));
  return rows.map((r) => ({
    id: Number(r.id),
    accountId: Number(r.account_id),
    kind: r.kind,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    fence: r.fence,
  }));
}

/** Throws StaleJobError unless this attempt still holds the job (locks its row until commit). */
export async function assertFence(tx: Executor, job: ClaimedJob): Promise<void> {
  const rows = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, job.id), eq(jobs.fence, job.fence), eq(jobs.status, "running")))
    .for("update");
  if (rows.length === 0) throw new StaleJobError(job.id);
}

export async function extendLease(db: Database, job: ClaimedJob, leaseSeconds: number): Promise<boolean> {
  return withAccount(db, job.accountId, async (tx) => {
    const rows = await tx
      .update(jobs)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
      .where(and(eq(jobs.id, job.id), eq(jobs.fence, job.fence), eq(jobs.status, "running")))
      .returning({ id: jobs.id });
    return rows.length > 0;
  });
}

export async function completeJob(db: Database, job: ClaimedJob): Promise<void> {
  await withAccount(db, job.accountId, (tx) =>
    tx
      .update(jobs)
      .set({ status: "done", lockedBy: null, lockedUntil: null, lastError: null })
      .where(and(eq(jobs.id, job.id), eq(jobs.fence, job.fence))),
  );
}

/** Puts the job back with exponential backoff, or marks it failed after its last attempt. */
export async function failJob(db: Database, job: ClaimedJob, error: string, final: boolean, backoffSeconds: number): Promise<void> {
  await withAccount(db, job.accountId, (tx) =>
    tx
      .update(jobs)
      .set({
        status: final ? "failed" : "queued",
        lockedBy: null,
        lockedUntil: null,
        lastError: error.slice(0, 500),
        runAt: sql`now() + make_interval(secs => ${backoffSeconds})`,
      })
      .where(and(eq(jobs.id, job.id), eq(jobs.fence, job.fence))),
  );
}
