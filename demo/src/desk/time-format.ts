/** Times as the desk shows them: short, in the agent's own locale and time zone. */
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dayAndClock = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" });

export function formatMessageTime(iso: string, now: number): string {
  const time = new Date(iso);
  return new Date(now).toDateString() === time.toDateString() ? clock.format(time) : dayAndClock.format(time);
}

/** "now", "4 min", "3 h", "2 d": how long ago a conversation last moved. */
export function formatAge(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (Number.isNaN(minutes)) return "";
  if (minutes < 1) return "now";
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / (24 * 60))} d`;
}
