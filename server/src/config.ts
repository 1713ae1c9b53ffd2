/** Configuration, parsed once from the environment with zod; nothing else reads process.env. */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  DATABASE_URL: z.string().url().optional(),
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_SSL: bool,
  HUMMDESK_DATA_DIR: z.string().default(".data"),
  HUMMDESK_SECRET: z.string().min(32, "HUMMDESK_SECRET must be at least 32 characters").optional(),
  HUMMDESK_PUBLIC_URL: z.string().url().optional(),
  HUMMDESK_AI_MODEL: z.string().default("gpt-4o-mini"),
  HUMMDESK_EMBEDDING_MODEL: z.string().optional(),
  HUMMDESK_AI_TIMEOUT_MS: z.coerce.number().int().min(100).default(20000),
  HUMMDESK_AI_STREAM_DELAY_MS: z.coerce.number().int().min(0).default(30),
  HUMMDESK_AI_BURST_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  HUMMDESK_AI_MAX_TOKENS: z.coerce.number().int().min(16).max(16_384).default(500),
  HUMMDESK_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  HUMMDESK_WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HUMMDESK_PRESENCE_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HUMMDESK_SEED: z.enum(["true", "false"]).optional(),
  // Hardening (SECURITY.md): trusted proxies, HTTP timeouts, per-account AI budget.
  HUMMDESK_TRUST_PROXY: z.string().optional(),
  HUMMDESK_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  HUMMDESK_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  HUMMDESK_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(65_000),
  HUMMDESK_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  HUMMDESK_AI_ACCOUNT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  HUMMDESK_AI_JOBS_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  HUMMDESK_AI_TOKENS_PER_DAY: z.coerce.number().int().min(0).default(2_000_000),
  HUMMDESK_VISITOR_TOKENS_PER_INBOX: z.coerce.number().int().min(1).default(3000),
  HUMMDESK_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(200),
  HUMMDESK_MAX_SOCKETS_PER_VISITOR: z.coerce.number().int().min(1).default(10),
  /** How long a sign-in lasts at most, however often its refresh token rotates. */
  HUMMDESK_SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Finished (done or failed) jobs are kept this long, then pruned. */
  HUMMDESK_JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  HUMMDESK_PRUNE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** How often snoozed conversations whose time has passed are woken (back to open). */
  HUMMDESK_SNOOZE_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** Where attachment bytes are kept (default: the data directory's `attachments/`). */
  HUMMDESK_ATTACHMENTS_DIR: z.string().optional(),
  /** The largest file a visitor or an agent may attach. */
  HUMMDESK_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  logLevel: string;
  database: {
    url: string | undefined;
    /** The owner that migrates (production: DATABASE_URL is the app login, which cannot). */
    migrationUrl: string | undefined;
    poolSize: number;
    ssl: boolean;
    dataDir: string;
  };
  dataDir: string;
  secret: string;
  publicUrl: string | undefined;
  ai: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    embeddingModel: string | undefined;
    timeoutMs: number;
    streamDelayMs: number;
    /** Visitor messages this close together are answered once, together (0: each at once). */
    burstMs: number;
    /** Upper bound on a model answer, in tokens. */
    maxTokens: number;
  };
  workers: number;
  workerLeaseSeconds: number;
  presenceGraceMs: number;
  /** Seed the K-Rauta demo (default: not in production; there with random passwords only). */
  seed: boolean;
  /** Which X-Forwarded-For hops to believe: false, a hop count, or proxy addresses/CIDRs. */
  trustProxy: TrustProxy;
  http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; connectionTimeoutMs: number };
  /** Per account: jobs running at once, AI jobs a minute and model tokens a day (0: unlimited). */
  aiBudget: { concurrency: number; jobsPerMinute: number; tokensPerDay: number };
  /** Visitor tokens one inbox may mint a minute (each new visitor can cost AI work). */
  visitorTokensPerInbox: number;
  /** Open websockets one client IP / one visitor may hold on a node. */
  realtime: { maxSocketsPerIp: number; maxSocketsPerVisitor: number };
  /** Absolute lifetime of an agent sign-in (refresh token family), in days. */
  sessionMaxDays: number;
  /** Periodic pruning of finished jobs and dead sessions. */
  housekeeping: { jobRetentionDays: number; intervalSeconds: number };
  /** How often the snooze sweep runs, in ms. */
  snoozeSweepMs: number;
  attachments: { dir: string; maxBytes: number };
}

export type TrustProxy = false | number | string[];

/** `HUMMDESK_TRUST_PROXY`: unset/false/0, a hop count, or a comma list of proxy addresses/CIDRs.
 * `true` is refused: it would believe every hop, so a client could pick its own address. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true") {
    throw new Error(
      "invalid configuration: HUMMDESK_TRUST_PROXY=true would trust every X-Forwarded-For hop (clients could pick their address); give the number of proxies in front (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.0/8,192.168.1.5)",
    );
  }
  if (/^\d+$/.test(text)) return Number(text);
  const list = text.split(",").map((part) => part.trim()).filter(Boolean);
  const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;
  const bad = list.find((part) => !address.test(part));
  if (bad !== undefined) throw new Error(`invalid configuration: HUMMDESK_TRUST_PROXY entry '${bad}' is neither a hop count nor an IP address or CIDR`);
  return list;
}

/** In development a random secret is generated once and kept in the data dir. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.HUMMDESK_DATA_DIR);
  if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
    throw new Error("MIGRATION_DATABASE_URL needs DATABASE_URL (the app's login role) beside it");
  }
  if (env.NODE_ENV === "production" && !env.HUMMDESK_SECRET) {
    throw new Error("HUMMDESK_SECRET is required when NODE_ENV=production (at least 32 random characters)");
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    // Development prints the URLs and warnings; production logs every request.
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "production" ? "info" : "warn"),
    database: {
      url: env.DATABASE_URL,
      migrationUrl: env.MIGRATION_DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      ssl: env.DATABASE_SSL,
      dataDir: join(dataDir, "pglite"),
    },
    dataDir,
    secret: env.HUMMDESK_SECRET ?? developmentSecret(dataDir),
    publicUrl: env.HUMMDESK_PUBLIC_URL,
    ai: {
      apiKey: env.OPENAI_API_KEY || undefined,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.HUMMDESK_AI_MODEL,
      embeddingModel: env.HUMMDESK_EMBEDDING_MODEL,
      timeoutMs: env.HUMMDESK_AI_TIMEOUT_MS,
      streamDelayMs: env.HUMMDESK_AI_STREAM_DELAY_MS,
      // Tests answer each message at once unless they set a window.
      burstMs: env.HUMMDESK_AI_BURST_MS ?? (env.NODE_ENV === "test" ? 0 : 2000),
      maxTokens: env.HUMMDESK_AI_MAX_TOKENS,
    },
    workers: env.HUMMDESK_WORKERS,
    workerLeaseSeconds: env.HUMMDESK_WORKER_LEASE_SECONDS,
    // An agent stays present (routable) this long after their last desk socket closed.
    presenceGraceMs: env.HUMMDESK_PRESENCE_GRACE_SECONDS * 1000,
    seed: (env.HUMMDESK_SEED ?? (env.NODE_ENV === "production" ? "false" : "true")) === "true",
    trustProxy: parseTrustProxy(env.HUMMDESK_TRUST_PROXY),
    http: {
      requestTimeoutMs: env.HUMMDESK_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: Math.min(env.HUMMDESK_HEADERS_TIMEOUT_MS, env.HUMMDESK_REQUEST_TIMEOUT_MS),
      // An idle keep-alive socket is closed by its own (announced) deadline, before the idle one.
      keepAliveTimeoutMs: env.HUMMDESK_CONNECTION_TIMEOUT_MS > 0 ? Math.min(env.HUMMDESK_KEEP_ALIVE_TIMEOUT_MS, env.HUMMDESK_CONNECTION_TIMEOUT_MS) : env.HUMMDESK_KEEP_ALIVE_TIMEOUT_MS,
      connectionTimeoutMs: env.HUMMDESK_CONNECTION_TIMEOUT_MS,
    },
    aiBudget: {
      concurrency: env.HUMMDESK_AI_ACCOUNT_CONCURRENCY,
      jobsPerMinute: env.HUMMDESK_AI_JOBS_PER_MINUTE,
      tokensPerDay: env.HUMMDESK_AI_TOKENS_PER_DAY,
    },
    visitorTokensPerInbox: env.HUMMDESK_VISITOR_TOKENS_PER_INBOX,
    realtime: { maxSocketsPerIp: env.HUMMDESK_MAX_SOCKETS_PER_IP, maxSocketsPerVisitor: env.HUMMDESK_MAX_SOCKETS_PER_VISITOR },
    sessionMaxDays: env.HUMMDESK_SESSION_MAX_DAYS,
    housekeeping: { jobRetentionDays: env.HUMMDESK_JOB_RETENTION_DAYS, intervalSeconds: env.HUMMDESK_PRUNE_INTERVAL_SECONDS },
    snoozeSweepMs: env.HUMMDESK_SNOOZE_SWEEP_MS,
    attachments: { dir: resolve(env.HUMMDESK_ATTACHMENTS_DIR ?? join(dataDir, "attachments")), maxBytes: env.HUMMDESK_ATTACHMENT_MAX_BYTES },
  };
}
