/** When the first reply to a conversation is due under the account's SLA policy for a priority. */
import type { Priority, SLAPolicy } from "@hummdesk/shared";

/** Measured from the conversation's start; null when the account has no policy for the priority. */
export function firstReplyDueAt(createdAt: string, priority: Priority, policies: readonly Pick<SLAPolicy, "priority" | "firstResponseMinutes">[]): string | null {
  const policy = policies.find((p) => p.priority === priority);
  return policy ? new Date(Date.parse(createdAt) + policy.firstResponseMinutes * 60_000).toISOString() : null;
}
