/** An audit-log entry as a sentence a supervisor reads: who did what to which object, and what changed. */
import type { AuditLog } from "@hummdesk/shared";

export interface AuditRow {
  id: number;
  createdAt: string;
  /** The member's name; "HummDesk" for what the system did on its own (routing, snooze wake-ups). */
  who: string;
  /** "created", "changed the status of", "viewed the identity secret of". */
  verb: string;
  /** "article 12 “Palautusoikeus”", "conversation 8". */
  object: string;
  /** "title: “Old” → “New”", at most MAX_CHANGES of them. */
  changes: string[];
}

const MAX_CHANGES = 4;
const MAX_VALUE_LENGTH = 40;

/** Verbs for the actions the server writes; an unknown one is shown as the server names it. */
const VERBS: Record<string, string> = {
  create: "created",
  update: "edited",
  delete: "deleted",
  status: "changed the status of",
  assign: "assigned",
  priority: "changed the priority of",
  reply: "replied in",
  note: "added a private note to",
  route: "routed",
  accept: "sent as written",
  reject: "rejected",
  edit_and_send: "edited and sent",
  secret_view: "viewed the identity secret of",
  member_add: "added a member to",
  availability: "changed the availability of",
  routing: "changed the routing of",
};

const NOUNS: Record<string, string> = {
  article: "article",
  canned_response: "canned response",
  conversation: "conversation",
  draft: "AI draft",
  inbox: "inbox",
  team: "team",
  account: "account",
  user: "agent",
  agent: "agent",
};

/** Bookkeeping every row carries; not a change anyone made. */
const HIDDEN_FIELDS = new Set(["id", "accountId", "createdAt", "updatedAt"]);

const record = (value: unknown): Record<string, unknown> | null => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_VALUE_LENGTH ? `${line.slice(0, MAX_VALUE_LENGTH - 1)}…` : line;
}

/** A stored value as a few words: quoted text, "none", "yes"/"no", a count of items. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string") return `“${shorten(value)}”`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 1 ? "1 item" : `${value.length} items`;
  return "…";
}

/** "replyTimeMinutes" -> "reply time minutes". */
function fieldName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

/** What the entry changed: the fields whose values differ, or, for a creation, what was set. */
export function auditChanges(before: unknown, after: unknown): string[] {
  const old = record(before);
  const next = record(after);
  if (!next) return [];
  const keys = Object.keys(next).filter((key) => !HIDDEN_FIELDS.has(key));
  const lines = old
    ? keys.filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key])).map((key) => `${fieldName(key)}: ${formatAuditValue(old[key])} → ${formatAuditValue(next[key])}`)
    : keys.filter((key) => next[key] !== null && next[key] !== "").map((key) => `${fieldName(key)}: ${formatAuditValue(next[key])}`);
  return lines.length > MAX_CHANGES ? [...lines.slice(0, MAX_CHANGES - 1), `and ${lines.length - MAX_CHANGES + 1} more fields`] : lines;
}

/** What the entry is about: a reply or note is filed under its message, but belongs to a conversation. */
function subject(entry: AuditLog): { type: string; id: string } {
  const conversationId = record(entry.after)?.["conversationId"];
  if (entry.entityType === "message" && typeof conversationId === "number") return { type: "conversation", id: String(conversationId) };
  return { type: entry.entityType, id: entry.entityId };
}

/** The object's own name, where the stored values carry one (an article's title, an inbox's name). */
function objectName(entry: AuditLog): string | null {
  for (const side of [entry.after, entry.before]) {
    const values = record(side);
    for (const key of ["title", "name", "shortCode"]) {
      const name = values?.[key];
      if (typeof name === "string" && name.trim()) return name;
    }
  }
  return null;
}

export function describeAuditEntry(entry: AuditLog, actorName: (userId: number) => string | undefined): AuditRow {
  const step = entry.action.slice(entry.action.indexOf(".") + 1);
  const { type, id } = subject(entry);
  const noun = NOUNS[type] ?? fieldName(type);
  const name = objectName(entry);
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    who: entry.actorId === null ? "HummDesk" : (actorName(entry.actorId) ?? `user ${entry.actorId}`),
    verb: VERBS[step] ?? entry.action,
    object: `${noun} ${id}${name ? ` “${shorten(name)}”` : ""}`,
    // A deletion names what went in the object; its stored fields are not changes.
    changes: entry.action.endsWith(".delete") || type !== entry.entityType ? [] : auditChanges(entry.before, entry.after),
  };
}
