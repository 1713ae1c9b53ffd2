/** Who may call an agent route: the guard (token, membership, role) and the per-user rate limit,
 * run on `onRequest` so a stranger gets 401/404 before anything of the request is looked at. */
import { ErrorBody, type Role } from "@hummdesk/shared";
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { limitBy, type RateLimits } from "../http/rate-limits.ts";
import type { AgentContext, AgentGuard } from "./agent-auth.ts";

/** The error responses every agent route may give. */
export const agentErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

export type MemberAccess = (minimum?: Role) => onRequestAsyncHookHandler[];

export function memberAccess(app: FastifyInstance, guard: AgentGuard, limits: RateLimits): MemberAccess {
  // One limiter for the whole agent API: a user's budget is shared by every route.
  const perUser = limitBy(app, limits.agentUser, (request) => `user:${request.agent?.userId}`);
  const hooks = new Map<Role, onRequestAsyncHookHandler[]>();
  return (minimum = "agent") => {
    let chain = hooks.get(minimum);
    if (!chain) {
      const requireMember = guard.requireMember(minimum);
      chain = [async (request) => requireMember(request), perUser];
      hooks.set(minimum, chain);
    }
    return chain;
  };
}

/** The signed-in member of the route's account (set by the guard). */
export function agentOf(request: FastifyRequest): AgentContext {
  if (!request.agent) throw new Error("agent route registered without memberAccess()");
  return request.agent;
}
