/** Rate limits of the public and agent APIs (requests per minute), overridable for tests. */
export interface RateLimits {
  /** Per client IP on the public visitor API. */
  visitorIp: number;
  /** Per visitor (token subject) on sends. */
  visitorSend: number;
  /** Per inbox on sends, so one noisy inbox cannot starve another account. */
  inboxSend: number;
  /** Per IP on token issuing and config. */
  publicIp: number;
  /** Per user on the agent API. */
  agentUser: number;
  /** Per IP on login. */
  login: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  visitorIp: 600,
  visitorSend: 40,
  inboxSend: 3000,
  publicIp: 300,
  agentUser: 1200,
  login: 20,
};
