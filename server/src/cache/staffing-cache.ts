/** What the widget's config says about an account's team, read on every page view of every shop:
 * whether an agent is online, and the first-reply time a new conversation is promised. Cached in
 * process like the inboxes, so a page view costs no query; an availability change through this
 * process invalidates at once, other processes see it when their entry expires. */
import type { Database } from "../db/client.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { INBOX_CACHE_TTL_MS } from "./inbox-cache.ts";
import { createTtlCache } from "./ttl-cache.ts";

export interface Staffing {
  anyAgentOnline: boolean;
  /** The SLA policy's first-reply target for a new (medium priority) conversation. */
  firstReplyTargetMinutes: number | null;
}

export interface StaffingCache {
  get(accountId: number): Promise<Staffing>;
  /** Forgets an account's entry (call after an agent's availability changed). */
  invalidate(accountId: number): void;
}

export function createStaffingCache(db: Database, ttlMs = INBOX_CACHE_TTL_MS): StaffingCache {
  // The promise is kept, so page views arriving together while the entry loads share one query.
  const entries = createTtlCache<number, Promise<Staffing>>(ttlMs, 10_000);

  async function load(accountId: number): Promise<Staffing> {
    return createTenantService(db, accountId).transaction(async (t) => {
      const agents = await t.listAgents();
      const firstReply = (await t.listSLAPolicies()).find((policy) => policy.priority === "medium");
      return { anyAgentOnline: agents.some((agent) => agent.availability === "online"), firstReplyTargetMinutes: firstReply?.firstResponseMinutes ?? null };
    });
  }

  return {
    get(accountId) {
      const cached = entries.get(accountId);
      if (cached) return cached;
      const loading = load(accountId);
      entries.set(accountId, loading);
      loading.catch(() => {
        if (entries.get(accountId) === loading) entries.delete(accountId);
      });
      return loading;
    },
    invalidate(accountId) {
      entries.delete(accountId);
    },
  };
}
