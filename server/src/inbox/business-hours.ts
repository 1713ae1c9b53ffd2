/** Whether an inbox is open now, from its business hours (pure; Intl gives the local time). */
import type { BusinessHours } from "@hummdesk/shared";

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function isWithinBusinessHours(hours: BusinessHours | null, now: Date = new Date()): boolean {
  if (!hours) return true;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone: hours.timezone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  } catch {
    return true; // an unknown time zone never hides the team
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = hours.days[String(WEEKDAYS[part("weekday")] ?? 0)];
  if (!day) return false;
  const minutes = Number(part("hour")) * 60 + Number(part("minute"));
  const toMinutes = (hhmm: string) => {
    const [h, m] = hhmm.split(":").map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  return minutes >= toMinutes(day.open) && minutes < toMinutes(day.close);
}

/** The wall-clock parts of `at` in `timeZone`. */
function localParts(format: Intl.DateTimeFormat, at: Date) {
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    weekday: WEEKDAYS[parts.weekday ?? ""] ?? 0,
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/**
 * When the inbox next opens after `now`, or null when it is open now, has no hours, or no open day
 * in the coming week. DST is taken from the zone's offset on the day itself.
 */
export function nextOpening(hours: BusinessHours | null, now: Date = new Date()): Date | null {
  if (!hours || isWithinBusinessHours(hours, now)) return null;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: hours.timezone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  } catch {
    return null;
  }
  for (let offsetDays = 0; offsetDays <= 7; offsetDays++) {
    const local = localParts(format, new Date(now.getTime() + offsetDays * 86_400_000));
    const day = hours.days[String(local.weekday)];
    if (!day) continue;
    const [openHour = 0, openMinute = 0] = day.open.split(":").map(Number);
    // The zone's offset at this moment, then the instant whose wall clock shows the opening time.
    const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
    const offsetMs = wall - Math.floor(now.getTime() / 60_000) * 60_000 - offsetDays * 86_400_000;
    const opening = new Date(Date.UTC(local.year, local.month - 1, local.day, openHour, openMinute) - offsetMs);
    if (opening.getTime() > now.getTime()) return opening;
  }
  return null;
}
