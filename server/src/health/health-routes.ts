/** GET /health: 200 when the database answers and its migrations are at head, else 503. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Database, MIGRATIONS_FOLDER, schemaVersion } from "../db/client.ts";

const expectedMigrations = (): number =>
  (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;

export async function healthRoutes(app: FastifyInstance, options: { db: Database }) {
  const expected = expectedMigrations();
  app.get("/health", { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      const applied = await schemaVersion(options.db);
      const atHead = applied === expected;
      return reply.code(atHead ? 200 : 503).send({ status: atHead ? "ok" : "migrations_pending", database: "up", migrations: { applied, expected } });
    } catch {
      return reply.code(503).send({ status: "unavailable", database: "down" });
    }
  });
}
