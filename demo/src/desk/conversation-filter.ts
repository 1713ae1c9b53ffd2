/** Which conversations the desk list shows: the filter, its API query, and the same test applied to live updates. */
import type { Conversation, ConversationStatus, Priority } from "@hummdesk/shared";
import type { ConversationQuery, ListedConversation } from "../api-client.ts";

export interface ConversationFilter {
  status: ConversationStatus | "all";
  /** "me" is the signed-in agent, "none" the unassigned conversations. */
  assignee: "all" | "me" | "none" | number;
  teamId: "all" | number;
  priority: Priority | "all";
}

export const DEFAULT_FILTER: ConversationFilter = { status: "open", assignee: "all", teamId: "all", priority: "all" };

export function filterToQuery(filter: ConversationFilter): ConversationQuery {
  return {
    status: filter.status === "all" ? undefined : filter.status,
    assigneeId: filter.assignee === "all" ? undefined : filter.assignee,
    teamId: filter.teamId === "all" ? undefined : filter.teamId,
    priority: filter.priority === "all" ? undefined : filter.priority,
  };
}

/** The server's filter, repeated for conversations that change while the list is on screen. */
export function matchesFilter(conversation: Conversation, filter: ConversationFilter, myUserId: number): boolean {
  if (filter.status !== "all" && conversation.status !== filter.status) return false;
  if (filter.priority !== "all" && conversation.priority !== filter.priority) return false;
  if (filter.teamId !== "all" && conversation.teamId !== filter.teamId) return false;
  if (filter.assignee === "me" && conversation.assigneeId !== myUserId) return false;
  if (filter.assignee === "none" && conversation.assigneeId !== null) return false;
  if (typeof filter.assignee === "number" && conversation.assigneeId !== filter.assignee) return false;
  return true;
}

/** Most recent activity first, as the server lists them. */
export function byLastActivity(a: Conversation, b: Conversation): number {
  const difference = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
  return difference !== 0 ? difference : b.id - a.id;
}

/** Serialises the filter into the page's hash so a reload keeps it. */
export function filterToSearch(filter: ConversationFilter): string {
  const params = new URLSearchParams();
  if (filter.status !== DEFAULT_FILTER.status) params.set("status", filter.status);
  if (filter.assignee !== "all") params.set("assignee", String(filter.assignee));
  if (filter.teamId !== "all") params.set("team", String(filter.teamId));
  if (filter.priority !== "all") params.set("priority", filter.priority);
  return params.toString();
}

const STATUS_VALUES = ["all", "open", "pending", "snoozed", "resolved"] as const;
const PRIORITY_VALUES = ["all", "low", "medium", "high", "urgent"] as const;

export function filterFromSearch(search: string): ConversationFilter {
  const params = new URLSearchParams(search);
  const pick = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
    allowed.find((candidate) => candidate === value) ?? fallback;
  const id = (value: string | null): number | null => (value && /^[1-9]\d*$/.test(value) ? Number(value) : null);
  const assignee = params.get("assignee");
  return {
    status: pick(STATUS_VALUES, params.get("status"), DEFAULT_FILTER.status),
    assignee: assignee === "me" || assignee === "none" ? assignee : (id(assignee) ?? "all"),
    teamId: id(params.get("team")) ?? "all",
    priority: pick(PRIORITY_VALUES, params.get("priority"), "all"),
  };
}

export function totalUnread(conversations: readonly ListedConversation[]): number {
  return conversations.reduce((sum, conversation) => sum + conversation.unreadCount, 0);
}
