/** The agent API under `/api/v1/accounts/:accountId/...`: every route checks the caller's access
 * token, membership and role in that account (a stranger gets 404) and a per-user rate limit. */
import type { FastifyInstance } from "fastify";
import type { InboxCache } from "../cache/inbox-cache.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { RateLimits } from "../http/rate-limits.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import type { AgentGuard } from "./agent-auth.ts";
import type { UploadLimits } from "../attachments/attachment-uploads.ts";
import { articleRoutes } from "./article-routes.ts";
import { attachmentUploadRoutes } from "./attachment-upload-routes.ts";
import { auditLogRoutes } from "./audit-log-routes.ts";
import { cannedResponseRoutes } from "./canned-response-routes.ts";
import { conversationRoutes } from "./conversation-routes.ts";
import { draftRoutes } from "./draft-routes.ts";
import { inboxAdminRoutes } from "./inbox-admin-routes.ts";
import { memberAccess } from "./member-access.ts";
import { type AvailabilityChangedHook, rosterRoutes } from "./roster-routes.ts";
import { routingSettingsRoutes } from "./routing-settings-routes.ts";
import { teamRoutes } from "./team-routes.ts";

export interface AgentRouteOptions {
  guard: AgentGuard;
  hub: RealtimeHub;
  db: Database;
  limits: RateLimits;
  config: Config;
  /** The visitor API's inbox cache: an inbox update invalidates it. */
  inboxes: InboxCache;
  /** Called after an agent's availability change has committed (routing re-offers waiting conversations). */
  onAvailabilityChanged?: AvailabilityChangedHook;
  /** Where uploaded files go, and how large they may be. */
  uploads: UploadLimits;
}

export async function agentRoutes(app: FastifyInstance, options: AgentRouteOptions) {
  const access = memberAccess(app, options.guard, options.limits);
  await app.register(conversationRoutes, { access, hub: options.hub });
  await app.register(draftRoutes, { access, hub: options.hub });
  await app.register(rosterRoutes, { access, onAvailabilityChanged: options.onAvailabilityChanged });
  await app.register(inboxAdminRoutes, { access, config: options.config, inboxes: options.inboxes });
  await app.register(teamRoutes, { access });
  await app.register(articleRoutes, { access });
  await app.register(auditLogRoutes, { access });
  await app.register(cannedResponseRoutes, { access });
  await app.register(routingSettingsRoutes, { access });
  await app.register(attachmentUploadRoutes, { access, uploads: options.uploads });
}
