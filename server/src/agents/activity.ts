/** Activity lines in a conversation's thread (assigned, resolved, reopened, snoozed, ...): stored as
 * private `activity` messages whose `meta.code` names the event, so the desk renders each in its own
 * language; `content` keeps an English line for any other reader. Visitors never receive them. */
import type { Conversation, Message } from "@hummdesk/shared";
import type { HubEvent } from "../realtime/hub.ts";
import { messageCreated } from "../realtime/publish.ts";
import type { TenantStores } from "../tenant/tenant-service.ts";

export type ActivityCode =
  | "conversation.assigned"
  | "conversation.unassigned"
  | "conversation.team_changed"
  | "conversation.resolved"
  | "conversation.reopened"
  | "conversation.opened"
  | "conversation.pending"
  | "conversation.snoozed"
  | "conversation.snooze_ended"
  | "conversation.handoff";

export interface ActivityParams {
  actor?: string | null;
  assignee?: string | null;
  team?: string | null;
  until?: string | null;
}

/** The English line stored as the message's content. */
export function activityText(code: ActivityCode, p: ActivityParams): string {
  const by = p.actor ? ` by ${p.actor}` : "";
  switch (code) {
    case "conversation.assigned":
      return `Assigned to ${p.assignee ?? "an agent"}${by}`;
    case "conversation.unassigned":
      return `Unassigned${by}`;
    case "conversation.team_changed":
      return p.team ? `Moved to team ${p.team}${by}` : `Removed from its team${by}`;
    case "conversation.resolved":
      return `Resolved${by}`;
    case "conversation.reopened":
      return `Reopened${by}`;
    case "conversation.opened":
      return `Marked open${by}`;
    case "conversation.pending":
      return `Marked pending${by}`;
    case "conversation.snoozed":
      return `Snoozed${p.until ? ` until ${p.until}` : ""}${by}`;
    case "conversation.snooze_ended":
      return "Snooze ended";
    case "conversation.handoff":
      return "Visitor asked for a person";
  }
}

/** Writes the activity line (inside the caller's unit of work) and returns the event to publish. */
export async function recordActivity(
  t: TenantStores,
  conversation: Conversation,
  code: ActivityCode,
  params: ActivityParams,
): Promise<{ message: Message; event: HubEvent }> {
  const meta = Object.fromEntries(Object.entries({ code, ...params }).filter(([, value]) => value !== undefined && value !== null));
  const { message } = await t.createMessage({
    conversationId: conversation.id,
    senderType: "system",
    messageType: "activity",
    private: true,
    content: activityText(code, params),
    meta,
  });
  // Private: the visitor's socket never carries it, whatever the visitor id.
  return { message, event: messageCreated(conversation, message, null) };
}
