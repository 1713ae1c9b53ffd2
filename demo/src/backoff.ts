/** Reconnect delays: exponential with full jitter, so a restarted server is not hit by every desk at once. */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

/** Delay before reconnect attempt `attempt` (0 = first retry); `random` is injectable for tests. */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const baseMs = options.baseMs ?? 500;
  const maxMs = options.maxMs ?? 30_000;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  // Never below half the ceiling: a socket that keeps failing should not spin.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
