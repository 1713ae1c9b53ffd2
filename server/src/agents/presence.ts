/** Agent presence from live desk sockets: an agent is present while a desk socket of theirs is open
 * on any node, and for a grace period after the last one closed (a reload or a short network cut
 * keeps their conversations coming). Stored as `account_users.present_until`, so every node and
 * `get_available_agents` see the same answer; a crashed node's agents simply expire. */
import { sql } from "drizzle-orm";
import { type Database, rowsOf, withAccount } from "../db/client.ts";

export interface PresenceOptions {
  db: Database;
  /** How long an agent stays present after their last socket closed (and the refresh horizon). */
  graceMs: number;
  /** An agent who was absent became present (routing hands them waiting conversations). */
  onArrived?: (accountId: number, userId: number) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Presence {
  connected(accountId: number, userId: number): Promise<void>;
  disconnected(accountId: number, userId: number): Promise<void>;
  close(): void;
}

export function createPresence({ db, graceMs, onArrived, onError }: PresenceOptions): Presence {
  /** Open sockets on this node per account and user. */
  const local = new Map<string, { accountId: number; userId: number; sockets: number }>();
  const seconds = graceMs / 1000;

  /** Pushes present_until to now + grace; answers whether the agent was absent before. */
  async function extend(accountId: number, userId: number): Promise<boolean> {
    return withAccount(db, accountId, async (tx) => {
      const rows = rowsOf<{ was_present: boolean | string | null }>(
        await tx.execute(sql`
          update account_users au
             set present_until = now() + make_interval(secs => ${seconds}::double precision), last_seen_at = now()
            from (select user_id, coalesce(present_until > now(), false) as was_present
                    from account_users where account_id = ${accountId} and user_id = ${userId} for update) before
           where au.account_id = ${accountId} and au.user_id = ${userId} and before.user_id = au.user_id
       returning before.was_present`),
      );
      const row = rows[0];
      return row !== undefined && row.was_present !== true && row.was_present !== "t";
    });
  }

  async function arrive(accountId: number, userId: number) {
    if ((await extend(accountId, userId)) && onArrived) await onArrived(accountId, userId);
  }

  // Connected agents are re-stamped well before their presence would run out.
  const timer = setInterval(
    () => {
      for (const { accountId, userId } of local.values()) void arrive(accountId, userId).catch((error: unknown) => onError?.(error));
    },
    Math.max(500, Math.floor(graceMs / 3)),
  );
  timer.unref();

  return {
    async connected(accountId, userId) {
      const key = `${accountId}:${userId}`;
      const entry = local.get(key) ?? { accountId, userId, sockets: 0 };
      entry.sockets += 1;
      local.set(key, entry);
      await arrive(accountId, userId);
    },
    async disconnected(accountId, userId) {
      const key = `${accountId}:${userId}`;
      const entry = local.get(key);
      if (!entry) return;
      entry.sockets -= 1;
      if (entry.sockets > 0) return;
      local.delete(key);
      // The grace period starts now; a socket on another node keeps extending it.
      await extend(accountId, userId);
    },
    close() {
      clearInterval(timer);
      local.clear();
    },
  };
}
