/** Which of the agent's accounts the desk opens: the one the address names, else the one used
 * last in this browser, else the first; a named account the agent no longer belongs to is refused. */
import type { AccountMembership } from "../api-client.ts";

export interface AccountChoice {
  account: AccountMembership | null;
  /** The subdomain the address named but the agent is not a member of (the desk says so). */
  refused: string | null;
}

export function chooseAccount(accounts: readonly AccountMembership[], wanted: { routed: string | null; remembered: string | null }): AccountChoice {
  const find = (subdomain: string | null) => (subdomain === null ? undefined : accounts.find((account) => account.subdomain === subdomain));
  const routed = find(wanted.routed);
  const account = routed ?? find(wanted.remembered) ?? accounts[0] ?? null;
  return { account, refused: wanted.routed !== null && !routed ? wanted.routed : null };
}

/** Per user, so two agents sharing a browser do not inherit each other's account. */
export function rememberedAccountKey(userId: number): string {
  return `hummdesk.desk.account.${userId}`;
}
