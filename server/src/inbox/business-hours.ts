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
