/** Periodic pruning, run by every server process (it is idempotent): finished jobs past their
 * retention and sessions that can never be refreshed again, through one SECURITY DEFINER function. */
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Database, rowsOf } from "./client.ts";

/** Expired sessions are kept this long so that reusing a rotated token still revokes its family. */
export const SESSION_GRACE_DAYS = 7;

export async function pruneOldRows(db: Database, options: { jobRetentionDays: number; sessionGraceDays?: number }): Promise<{ jobs: number; sessions: number }> {
  const rows = rowsOf<{ jobs_deleted: number | string; sessions_deleted: number | string }>(
    await db.execute(sql`select * from hummdesk_prune(${options.jobRetentionDays}, ${options.sessionGraceDays ?? SESSION_GRACE_DAYS})`),
  );
  return { jobs: Number(rows[0]?.jobs_deleted ?? 0), sessions: Number(rows[0]?.sessions_deleted ?? 0) };
}

export function startHousekeeping(options: { db: Database; log: FastifyBaseLogger; jobRetentionDays: number; intervalSeconds: number }) {
  let timer: NodeJS.Timeout | null = null;
  const run = () =>
    pruneOldRows(options.db, { jobRetentionDays: options.jobRetentionDays })
      .then((pruned) => {
        if (pruned.jobs + pruned.sessions > 0) options.log.info(pruned, "pruned finished jobs and dead sessions");
      })
      .catch((error: unknown) => options.log.warn({ err: error as Error }, "pruning failed; will retry"));
  return {
    start() {
      if (timer) return;
      void run();
      timer = setInterval(run, options.intervalSeconds * 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
