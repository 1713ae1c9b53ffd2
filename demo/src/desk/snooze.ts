/** When a snoozed conversation wakes by itself (a visitor message wakes it earlier). */
export const SNOOZE_CHOICES = [
  { id: "1h", label: "For an hour" },
  { id: "tomorrow", label: "Until tomorrow 9:00" },
  { id: "week", label: "Until next Monday 9:00" },
] as const;

export function snoozeUntil(choice: string, now: Date): Date {
  const at = new Date(now);
  if (choice === "1h") return new Date(now.getTime() + 60 * 60 * 1000);
  at.setHours(9, 0, 0, 0);
  if (choice === "week") {
    const daysToMonday = ((8 - at.getDay()) % 7) || 7;
    at.setDate(at.getDate() + daysToMonday);
    return at;
  }
  at.setDate(at.getDate() + 1);
  return at;
}
