/** buildApp(config): the whole HummDesk server as a Fastify instance, every plugin registered
 * explicitly; it opens no port (main.ts does), so tests drive it with inject or on port 0. */
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { MAX_FRAME_BYTES } from "@hummdesk/shared";
import { type AIPipelineOptions, createAIPipeline } from "./ai/ai-pipeline.ts";
import { agentRoutes } from "./agents/agent-routes.ts";
import type { AvailabilityChangedHook } from "./agents/roster-routes.ts";
import { createAgentGuard } from "./agents/agent-auth.ts";
import { authRoutes } from "./agents/auth-routes.ts";
import { createAuthService } from "./agents/auth-service.ts";
import { createPresence } from "./agents/presence.ts";
import { startSnoozeSweep } from "./agents/snooze-sweep.ts";
import { createTokenService } from "./auth/tokens.ts";
import type { Config } from "./config.ts";
import { createInboxCache } from "./cache/inbox-cache.ts";
import { createStaffingCache } from "./cache/staffing-cache.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { retireDemoPasswords, type SeedCredential, seedDemo } from "./db/seed.ts";
import { healthRoutes } from "./health/health-routes.ts";
import { apiDocsRoutes } from "./http/api-docs.ts";
import { registerErrorHandler } from "./http/error-handler.ts";
import { startHousekeeping } from "./db/housekeeping.ts";
import { CSP_DIRECTIVES } from "./http/content-security-policy.ts";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "./http/rate-limits.ts";
import { inboxRoutes } from "./inbox/inbox-routes.ts";
import { createVisitorService } from "./inbox/visitor-service.ts";
import { agentSocketRoute } from "./realtime/agent-socket.ts";
import { createGateway, type Gateway } from "./realtime/gateway.ts";
import { createInProcessHub, type RealtimeHub } from "./realtime/hub.ts";
import { createPostgresHub, listenerConnection } from "./realtime/postgres-hub.ts";
import { publishAfterCommit } from "./realtime/publish.ts";
import { createRealtimeLimits } from "./realtime/realtime-limits.ts";
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from "./realtime/socket-session.ts";
import { visitorSocketRoute } from "./realtime/visitor-socket.ts";
import { createDirectoryStore } from "./attachments/attachment-store.ts";
import { fileRoutes } from "./attachments/file-routes.ts";
import { staticRoutes } from "./static/static-routes.ts";

export interface AppDependencies {
  /** An already opened database (tests); otherwise opened from config and closed with the app. */
  database?: DatabaseHandle;
  /** Rate limits (tests lower them). */
  rateLimits?: Partial<RateLimits>;
  /** Heartbeat interval of sockets in ms (tests shorten it). */
  heartbeatMs?: number;
  /** Per-socket frame queue and typing rate (tests lower them). */
  socketLimits?: Partial<SocketLimits>;
  /** How often the LISTEN connection is checked (tests shorten it). */
  listenHeartbeatMs?: number;
  /** Where the LISTEN connection goes, if not DATABASE_URL (tests route it through a proxy). */
  listenerUrl?: string;
  /** The AI layer: a provider (tests use a local OpenAI-compatible server), worker count and
   * timings. Defaults come from config. */
  ai?: Pick<AIPipelineOptions, "provider" | "workers" | "worker">;
}

export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<FastifyInstance> {
  const database =
    deps.database ??
    (await openDatabase({
      url: config.database.url,
      migrationUrl: config.database.migrationUrl,
      poolSize: config.database.poolSize,
      ssl: config.database.ssl,
      dataDir: config.database.dataDir,
    }));
  // In production the demo gets random passwords, shown once by main.ts (never the published ones).
  const seeded = config.seed ? await seedDemo(database.db, { randomPasswords: config.env === "production" }) : null;
  const retired = config.env === "production" ? await retireDemoPasswords(database.db) : [];
  const limits = { ...DEFAULT_RATE_LIMITS, visitorTokenInbox: config.visitorTokensPerInbox, ...deps.rateLimits };

  const app = Fastify({
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.refreshToken", "*.accessToken", "*.secret", "*.hmacSecret"],
              censor: "[redacted]",
            },
          },
    bodyLimit: 64 * 1024,
    // A hop count trusts that many proxies nearest to us (proxy-addr's hop index starts at the socket).
    trustProxy: typeof config.trustProxy === "number" ? trustHops(config.trustProxy) : config.trustProxy,
    // Slow or idle clients cannot hold sockets open: the whole request, its headers, an idle
    // socket and an idle keep-alive connection each have a deadline (upgraded websockets have none).
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.connectionTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    http: {
      requestTimeout: config.http.requestTimeoutMs,
      headersTimeout: config.http.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(config.http.headersTimeoutMs / 4))),
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const hub: RealtimeHub =
    database.driver === "postgres" && database.sql && database.url
      ? await createPostgresHub({
          sql: database.sql,
          connectListener: listenerConnection(deps.listenerUrl ?? database.url, config.database.ssl),
          log: app.log,
          ...(deps.listenHeartbeatMs ? { heartbeatMs: deps.listenHeartbeatMs } : {}),
        })
      : createInProcessHub(database.pglite ? { pglite: database.pglite } : {});
  const tokens = createTokenService(config.secret);
  // Logout and refresh-token reuse close that session's open agent sockets on every node.
  const auth = createAuthService(
    database.db,
    tokens,
    { onSessionEnded: (userId, sessionFamily) => publishAfterCommit(hub, [{ kind: "session.revoked", userId, sessionFamily }]) },
    { sessionMaxDays: config.sessionMaxDays },
  );
  const guard = createAgentGuard({ db: database.db, tokens, auth });
  const ai = createAIPipeline({ db: database.db, hub, log: app.log, config, ...deps.ai });
  const inboxes = createInboxCache(database.db);
  const staffing = createStaffingCache(database.db);
  const visitors = createVisitorService({ db: database.db, tokens, hub, inboxes, staffing, ...ai.visitorHooks });
  /** An agent's availability changed (committed): the widget config says so at once, routing re-offers waiting conversations. */
  const onAvailabilityChanged: AvailabilityChangedHook = (accountId, userId, availability) => {
    staffing.invalidate(accountId);
    return ai.onAvailabilityChanged(accountId, userId, availability);
  };
  const gateway: Gateway = createGateway({ db: database.db, hub, log: app.log, ...(deps.heartbeatMs ? { heartbeatMs: deps.heartbeatMs } : {}) });
  const presence = createPresence({
    db: database.db,
    graceMs: config.presenceGraceMs,
    onArrived: (accountId, userId) => ai.onAvailabilityChanged(accountId, userId, "online"),
    onError: (error) => app.log.warn({ err: error as Error }, "presence refresh failed"),
  });
  app.decorate("database", database);
  app.decorate("hub", hub);
  app.decorate("gateway", gateway);
  app.decorate("ai", ai);
  app.decorate("seedCredentials", [...(seeded?.credentials ?? []), ...retired]);

  await app.register(helmet, {
    // The storefront embeds the widget script from this server, and the desk talks to it.
    // No inline scripts anywhere; a page that carries one (the storefront's snippet) allows it by hash.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
  await app.register(cors, {
    // The visitor API is called from merchants' pages (origins are checked per inbox); the agent
    // API is same-origin only.
    delegator: (request, callback) => callback(null, { origin: (request.url ?? "").startsWith("/widget/v1/"), maxAge: 600 }),
  });
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: "rate_limited", message: `rate limit exceeded: retry in ${Math.ceil(ctx.ttl / 1000)} s` }) });
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  await app.register(swagger, {
    openapi: { info: { title: "HummDesk API", version: "2.0.0", description: "Visitor (web-channel) and agent APIs" } },
    transform: jsonSchemaTransform,
  });
  apiDocsRoutes(app);

  await app.register(healthRoutes, { db: database.db });
  const uploads = { store: createDirectoryStore(config.attachments.dir), maxBytes: config.attachments.maxBytes };
  await app.register(inboxRoutes, { visitors, inboxes, limits, db: database.db, uploads });
  await app.register(authRoutes, { auth, limits });
  await app.register(agentRoutes, { guard, hub, db: database.db, limits, config, inboxes, onAvailabilityChanged, uploads });
  const realtimeLimits = createRealtimeLimits(config.realtime, { ...DEFAULT_SOCKET_LIMITS, ...deps.socketLimits });
  await app.register(visitorSocketRoute, { db: database.db, tokens, gateway, hub, limits: realtimeLimits });
  await app.register(agentSocketRoute, { db: database.db, guard, gateway, hub, limits: realtimeLimits, presence });
  await app.register(fileRoutes, { db: database.db, store: uploads.store, limits });
  await app.register(staticRoutes, { config, db: database.db });

  const housekeeping = startHousekeeping({ db: database.db, log: app.log, ...config.housekeeping });
  const snoozeSweep = startSnoozeSweep({ db: database.db, hub, log: app.log, intervalMs: config.snoozeSweepMs });
  app.addHook("onReady", async () => {
    await gateway.start();
    ai.start();
    housekeeping.start();
    snoozeSweep.start();
  });
  app.addHook("preClose", async () => {
    housekeeping.stop();
    await snoozeSweep.stop();
    await ai.stop();
    presence.close();
    await gateway.close();
  });
  app.addHook("onClose", async () => {
    await hub.close();
    if (!deps.database) await database.close();
  });
  return app;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

declare module "fastify" {
  interface FastifyInstance {
    database: DatabaseHandle;
    hub: RealtimeHub;
    gateway: Gateway;
    ai: ReturnType<typeof createAIPipeline>;
    /** Passwords generated by this start (production: new demo users, or retired published
     * demo passwords), for main.ts to show once. */
    seedCredentials: SeedCredential[];
  }
}
