/** Whether an account may work: a suspended or cancelled account is refused at every edge (the
 * agent membership guard, the visitor's inbox, the sockets and the AI job claim). */
import type { AccountStatus } from "@hummdesk/shared";
import { HttpError } from "../http/http-error.ts";

export function assertAccountActive(accountId: number, status: AccountStatus): void {
  if (status === "active") return;
  throw new HttpError(403, "account_inactive", `account ${accountId} is ${status}: its desk, widget and AI are off until it is reactivated`);
}
