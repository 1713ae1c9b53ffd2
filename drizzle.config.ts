import { defineConfig } from "drizzle-kit";

// drizzle-kit reads DATABASE_URL only for migrate/push/studio; `generate` needs no database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/src/db/schema.ts",
  out: "./migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/hummdesk" },
  verbose: true,
  strict: true,
});
