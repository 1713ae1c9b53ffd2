/** Message times in the visitor's language: the time today, the date and time before that. */

export function formatTime(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  const today = date.toDateString() === now.toDateString();
  return date.toLocaleString(locale, {
    hour: "2-digit",
    minute: "2-digit",
    ...(today ? {} : { day: "numeric", month: "numeric" }),
  });
}
