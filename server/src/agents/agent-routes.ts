/** The agent API under `/api/v1/accounts/:accountId/...` (placeholder until the routes land). */
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { RateLimits } from "../http/rate-limits.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import type { AgentGuard } from "./agent-auth.ts";

export interface AgentRouteOptions {
  guard: AgentGuard;
  hub: RealtimeHub;
  db: Database;
  limits: RateLimits;
  config: Config;
}

export async function agentRoutes(_app: FastifyInstance, _options: AgentRouteOptions) {}
