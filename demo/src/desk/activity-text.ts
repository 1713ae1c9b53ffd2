/** An activity line of the thread (assigned, resolved, snoozed, ...) in the desk's language, from
 * the message's `meta.code`; lines without a known code keep the stored text. */
import type { Message } from "@hummdesk/shared";
import { type PageLocale as MessageLocale, pageLocale } from "../ui/page-locale.ts";

type Params = { actor?: string; assignee?: string; team?: string; until?: string; reason?: string };
type Lines = Record<string, (p: Params, by: string) => string>;

const BY: Record<MessageLocale, (actor: string) => string> = {
  en: (actor) => ` by ${actor}`,
  fi: (actor) => ` (${actor})`,
  sv: (actor) => ` av ${actor}`,
};

const LINES: Record<MessageLocale, Lines> = {
  en: {
    "conversation.assigned": (p, by) => `Assigned to ${p.assignee ?? "an agent"}${by}`,
    "conversation.unassigned": (_p, by) => `Unassigned${by}`,
    "conversation.team_changed": (p, by) => (p.team ? `Moved to team ${p.team}${by}` : `Removed from its team${by}`),
    "conversation.resolved": (_p, by) => `Resolved${by}`,
    "conversation.reopened": (_p, by) => `Reopened${by}`,
    "conversation.opened": (_p, by) => `Marked open${by}`,
    "conversation.pending": (_p, by) => `Marked pending${by}`,
    "conversation.snoozed": (p, by) => `Snoozed${p.until ? ` until ${p.until}` : ""}${by}`,
    "conversation.snooze_ended": () => "Snooze ended",
    "conversation.handoff": (p) => `The visitor asked for a person${p.reason ? `: ${p.reason}` : ""}`,
  },
  fi: {
    "conversation.assigned": (p, by) => `Osoitettu: ${p.assignee ?? "agentti"}${by}`,
    "conversation.unassigned": (_p, by) => `Osoitus poistettu${by}`,
    "conversation.team_changed": (p, by) => (p.team ? `Siirretty tiimille ${p.team}${by}` : `Poistettu tiimiltä${by}`),
    "conversation.resolved": (_p, by) => `Ratkaistu${by}`,
    "conversation.reopened": (_p, by) => `Avattu uudelleen${by}`,
    "conversation.opened": (_p, by) => `Merkitty avoimeksi${by}`,
    "conversation.pending": (_p, by) => `Merkitty odottavaksi${by}`,
    "conversation.snoozed": (p, by) => `Torkutettu${p.until ? ` ${p.until} asti` : ""}${by}`,
    "conversation.snooze_ended": () => "Torkutus päättyi",
    "conversation.handoff": (p) => `Kävijä pyysi ihmistä${p.reason ? `: ${p.reason}` : ""}`,
  },
  sv: {
    "conversation.assigned": (p, by) => `Tilldelad ${p.assignee ?? "en agent"}${by}`,
    "conversation.unassigned": (_p, by) => `Tilldelning borttagen${by}`,
    "conversation.team_changed": (p, by) => (p.team ? `Flyttad till team ${p.team}${by}` : `Borttagen från teamet${by}`),
    "conversation.resolved": (_p, by) => `Löst${by}`,
    "conversation.reopened": (_p, by) => `Återöppnad${by}`,
    "conversation.opened": (_p, by) => `Markerad som öppen${by}`,
    "conversation.pending": (_p, by) => `Markerad som väntande${by}`,
    "conversation.snoozed": (p, by) => `Snoozad${p.until ? ` till ${p.until}` : ""}${by}`,
    "conversation.snooze_ended": () => "Snoozningen är slut",
    "conversation.handoff": (p) => `Besökaren bad om en person${p.reason ? `: ${p.reason}` : ""}`,
  },
};

function formatUntil(iso: string, locale: MessageLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === "en" ? "en-GB" : locale, { weekday: "short", day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function activityText(message: Pick<Message, "content" | "meta">, locale: MessageLocale = pageLocale()): string {
  const meta = message.meta;
  const code = typeof meta?.["code"] === "string" ? meta["code"] : null;
  const line = code ? LINES[locale][code] : undefined;
  if (!line || !meta) return message.content;
  const text = (key: string) => (typeof meta[key] === "string" ? (meta[key] as string) : undefined);
  const params: Params = {};
  for (const key of ["actor", "assignee", "team", "reason"] as const) {
    const value = text(key);
    if (value !== undefined) params[key] = value;
  }
  const until = text("until");
  if (until) params.until = formatUntil(until, locale);
  return line(params, params.actor ? BY[locale](params.actor) : "");
}
