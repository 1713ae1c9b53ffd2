/** Jittered exponential backoff, so reconnecting and resending clients never arrive in lockstep. */

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** The wait before retry number `attempt` (0-based): half fixed, half random, capped at maxMs. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
