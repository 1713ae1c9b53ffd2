/** The first-reply SLA as an agent reads it: time left, or how long overdue. */
export interface SlaState {
  overdue: boolean;
  /** Under 5 minutes left: the desk highlights it. */
  soon: boolean;
  label: string;
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
  return `${seconds}s`;
}

export function slaState(firstReplyDueAt: string | null, now: number): SlaState | null {
  if (!firstReplyDueAt) return null;
  const due = Date.parse(firstReplyDueAt);
  if (Number.isNaN(due)) return null;
  const left = due - now;
  if (left <= 0) return { overdue: true, soon: false, label: `Overdue by ${formatDuration(left)}` };
  return { overdue: false, soon: left < 5 * 60_000, label: `Reply due in ${formatDuration(left)}` };
}
