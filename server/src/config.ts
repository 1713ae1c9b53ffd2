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
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_SSL: bool,
  HUMMDESK_DATA_DIR: z.string().default(".data"),
  HUMMDESK_SECRET: z.string().min(32, "HUMMDESK_SECRET must be at least 32 characters").optional(),
  HUMMDESK_PUBLIC_URL: z.string().url().optional(),
  HUMMDESK_AI_MODEL: z.string().default("gpt-4o-mini"),
  HUMMDESK_EMBEDDING_MODEL: z.string().optional(),
  HUMMDESK_AI_TIMEOUT_MS: z.coerce.number().int().min(100).default(20000),
  HUMMDESK_AI_STREAM_DELAY_MS: z.coerce.number().int().min(0).default(30),
  HUMMDESK_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  HUMMDESK_WORKER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HUMMDESK_PRESENCE_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HUMMDESK_SEED: z.enum(["true", "false"]).default("true"),
  HUMMDESK_TRUST_PROXY: bool,
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  logLevel: string;
  database: { url: string | undefined; poolSize: number; ssl: boolean; dataDir: string };
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
  };
  workers: number;
  workerLeaseSeconds: number;
  presenceGraceMs: number;
  seed: boolean;
  /** Trust X-Forwarded-For (only behind a proxy that sets it; else clients could pick their IP). */
  trustProxy: boolean;
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
  if (env.NODE_ENV === "production" && !env.HUMMDESK_SECRET) {
    throw new Error("HUMMDESK_SECRET is required when NODE_ENV=production (at least 32 random characters)");
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    // Development prints the URLs and warnings; production logs every request.
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "production" ? "info" : "warn"),
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, ssl: env.DATABASE_SSL, dataDir: join(dataDir, "pglite") },
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
    },
    workers: env.HUMMDESK_WORKERS,
    workerLeaseSeconds: env.HUMMDESK_WORKER_LEASE_SECONDS,
    // An agent stays present (routable) this long after their last desk socket closed.
    presenceGraceMs: env.HUMMDESK_PRESENCE_GRACE_SECONDS * 1000,
    seed: env.HUMMDESK_SEED === "true",
    trustProxy: env.HUMMDESK_TRUST_PROXY,
  };
}
