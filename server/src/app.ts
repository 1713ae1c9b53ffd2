/** buildApp(config): the whole HummDesk server as a Fastify instance, every plugin registered
 * explicitly; it opens no port (main.ts does), so tests drive it with inject or on port 0. */
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { seedKRauta } from "./db/seed.ts";
import { healthRoutes } from "./health/health-routes.ts";

export interface AppDependencies {
  /** An already opened database (tests); otherwise opened from config and closed with the app. */
  database?: DatabaseHandle;
}

export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<FastifyInstance> {
  const database =
    deps.database ??
    (await openDatabase({ url: config.database.url, poolSize: config.database.poolSize, ssl: config.database.ssl, dataDir: config.database.dataDir }));
  if (config.seed) await seedKRauta(database.db);

  const app = Fastify({
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.refreshToken", "*.accessToken", "*.secret"], censor: "[redacted]" },
          },
    bodyLimit: 64 * 1024,
    trustProxy: true,
  });
  app.decorate("database", database);
  await app.register(healthRoutes, { db: database.db });
  if (!deps.database) app.addHook("onClose", async () => database.close());
  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}
