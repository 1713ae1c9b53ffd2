/** The inbox a visitor token names, refused when its account is suspended or cancelled: the REST
 * routes and the visitor socket both ask here. */
import type { Inbox } from "@hummdesk/shared";
import { assertAccountActive } from "../tenant/account-status.ts";
import type { TenantStores } from "../tenant/tenant-service.ts";

export async function loadVisitorInbox(t: TenantStores, claims: { accountId: number; inboxId: number }): Promise<Inbox | null> {
  const status = await t.getAccountStatus();
  if (!status) return null;
  assertAccountActive(claims.accountId, status);
  return t.getInbox(claims.inboxId);
}
