/** The snooze sweep, run by every server process: snoozed conversations whose time has passed go
 * back to open, each inside its own account, and the desks and the visitor's widget hear of it. */
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Database, rowsOf } from "../db/client.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { publishAfterCommit } from "../realtime/publish.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { wakeSnoozedConversation } from "./conversation-actions.ts";

/** At most this many conversations wake per sweep; the rest wake on the next one. */
const SWEEP_LIMIT = 500;

/** Due snoozes across accounts, through the SECURITY DEFINER function of migration 0012. */
async function dueSnoozes(db: Database, limit: number): Promise<Map<number, number[]>> {
  const rows = rowsOf<{ account_id: number | string; conversation_id: number | string }>(await db.execute(sql`select * from hummdesk_due_snoozes(${limit})`));
  const byAccount = new Map<number, number[]>();
  for (const row of rows) {
    const accountId = Number(row.account_id);
    byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), Number(row.conversation_id)]);
  }
  return byAccount;
}

/** Wakes every due snooze once and publishes each wake after its commit; returns how many this
 * call woke (another node may have woken some of the due ones first). One conversation failing
 * does not keep the others asleep: it is reported and retried by the next sweep. */
export async function wakeDueSnoozes(db: Database, hub: RealtimeHub, options: { limit?: number; onError?: (error: unknown, conversationId: number) => void } = {}): Promise<number> {
  let woken = 0;
  for (const [accountId, conversationIds] of await dueSnoozes(db, options.limit ?? SWEEP_LIMIT)) {
    const tenant = createTenantService(db, accountId);
    for (const conversationId of conversationIds) {
      try {
        const change = await tenant.transaction((t) => wakeSnoozedConversation(t, conversationId));
        if (!change) continue;
        woken++;
        publishAfterCommit(hub, change.events);
      } catch (error) {
        options.onError?.(error, conversationId);
      }
    }
  }
  return woken;
}

/** Sweeps at once and then every `intervalMs`; a sweep still running when the next is due is not
 * doubled. `stop` waits for the running one, so nothing touches the database after close. */
export function startSnoozeSweep(options: { db: Database; hub: RealtimeHub; log: FastifyBaseLogger; intervalMs: number }) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const onError = (error: unknown, conversationId: number) => options.log.warn({ err: error as Error, conversationId }, "waking a snoozed conversation failed; the next sweep retries");
  const sweep = () => {
    if (running) return;
    running = wakeDueSnoozes(options.db, options.hub, { onError })
      .then((woken) => {
        if (woken > 0) options.log.info({ woken }, "woke snoozed conversations");
      })
      .catch((error: unknown) => options.log.warn({ err: error as Error }, "snooze sweep failed; will retry"))
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (timer) return;
      sweep();
      timer = setInterval(sweep, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
