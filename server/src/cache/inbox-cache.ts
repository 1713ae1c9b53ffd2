/** Inboxes as the visitor API reads them on every request (flags, origins, look), cached in
 * process for a few seconds by website token and by id. An update through this process
 * invalidates at once; other processes see it when their entry expires (INBOX_CACHE_TTL_MS). */
import type { Inbox } from "@hummdesk/shared";
import type { Database } from "../db/client.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { resolveInbox } from "../tenant/system.ts";
import { createTtlCache } from "./ttl-cache.ts";

export const INBOX_CACHE_TTL_MS = 5_000;

export interface InboxCache {
  /** The inbox a public website token names, or null. */
  byWebsiteToken(websiteToken: string): Promise<Inbox | null>;
  /** An inbox of an account by id, or null. */
  byId(accountId: number, inboxId: number): Promise<Inbox | null>;
  /** Forgets an inbox (call after updating or deleting it). */
  invalidate(inboxId: number): void;
}

export function createInboxCache(db: Database, ttlMs = INBOX_CACHE_TTL_MS): InboxCache {
  // Misses are not cached: unknown tokens cannot fill the cache, a new inbox is seen at once.
  const byToken = createTtlCache<string, Inbox>(ttlMs, 10_000);
  const byId = createTtlCache<number, Inbox>(ttlMs, 10_000);
  return {
    async byWebsiteToken(websiteToken) {
      const cached = byToken.get(websiteToken);
      if (cached !== undefined) return cached;
      const resolved = await resolveInbox(db, websiteToken);
      const inbox = resolved ? await createTenantService(db, resolved.accountId).getInbox(resolved.inboxId) : null;
      if (inbox) {
        byToken.set(websiteToken, inbox);
        byId.set(inbox.id, inbox);
      }
      return inbox;
    },
    async byId(accountId, inboxId) {
      const cached = byId.get(inboxId);
      if (cached) return cached.accountId === accountId ? cached : null;
      const inbox = await createTenantService(db, accountId).getInbox(inboxId);
      if (inbox) byId.set(inboxId, inbox);
      return inbox;
    },
    invalidate(inboxId) {
      byId.delete(inboxId);
      byToken.deleteWhere((inbox) => inbox.id === inboxId);
    },
  };
}
