/** The header's one line on availability: offline, online, or away with the next opening time. */
import type { WidgetConfig } from "@hummdesk/shared";
import { formatReplyTime, type Strings } from "../i18n.ts";

/** "ma 7.00" or "Mon 07:00": the weekday only when the opening is not today. */
function formatOpening(at: string, locale: string, now: Date): string {
  const date = new Date(at);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, { ...(sameDay ? {} : { weekday: "short" }), hour: "2-digit", minute: "2-digit" }).format(date);
}

export function statusLine(config: WidgetConfig, networkOnline: boolean, t: Strings, locale: string, now = new Date()): string {
  if (!networkOnline) return t.offline;
  // The SLA policy's first-reply target is the promise the desk is measured by; the inbox's figure is the fallback.
  const replyTime = `${t.replyTime}: ${formatReplyTime(config.firstReplyTargetMinutes ?? config.replyTimeMinutes)}`;
  if (config.online) return `${t.online} · ${replyTime}`;
  if (config.nextOpenAt) return `${t.away} · ${t.opens} ${formatOpening(config.nextOpenAt, locale, now)}`;
  return `${t.away} · ${replyTime}`;
}
