import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "./http-error.ts";

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
  /** Minting visitor tokens, per IP and per inbox: each new visitor can cost AI work. */
  visitorTokenIp: number;
  visitorTokenInbox: number;
  /** Per user on the agent API. */
  agentUser: number;
  /** Per IP on login. */
  login: number;
  /** Per IP on refresh and logout (a bucket apart from login's). */
  refresh: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  visitorIp: 600,
  visitorSend: 40,
  inboxSend: 3000,
  publicIp: 300,
  visitorTokenIp: 120,
  visitorTokenInbox: 3000,
  agentUser: 1200,
  login: 20,
  refresh: 60,
};

/** A preHandler that counts one more request against `key(request)` and answers 429 with
 * Retry-After past `max` a minute. Several may guard one route (per visitor, IP and inbox):
 * @fastify/rate-limit's own route hook runs only the first limiter of a request. */
export function limitBy(app: FastifyInstance, max: number, key: (request: FastifyRequest) => string) {
  const check = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: key });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await check(request);
    if (result.isAllowed) return;
    if (!result.isExceeded) return;
    const seconds = Math.max(1, Math.ceil(result.ttl / 1000));
    reply.header("retry-after", String(seconds));
    throw new HttpError(429, "rate_limited", `too many requests: retry in ${seconds} s`);
  };
}
