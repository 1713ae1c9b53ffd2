/** Production's two database logins on a real PostgreSQL server: the owner migrates, the app runs
 * as a login that is only hummdesk_app (no BYPASSRLS, no way back to the owner), and the
 * cross-tenant functions are callable by the app role alone. */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { api, TEST_SECRET, TestSocket, visitorToken } from "../../test/test-app.ts";
import { withDatabase } from "../../test/postgres-global-setup.ts";
import { testDriver } from "../../test/test-database.ts";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

function asUser(url: string, user: string, password: string, database: string): string {
  const parsed = new URL(withDatabase(url, database));
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

describe.skipIf(testDriver() !== "postgres")("separate app login (DATABASE_URL) and owner (MIGRATION_DATABASE_URL)", () => {
  const suffix = randomBytes(5).toString("hex");
  const database = `test_login_${suffix}`;
  const appRole = `hd_app_${suffix}`;
  const strangerRole = `hd_stranger_${suffix}`;
  const password = `pw_${suffix}`;
  let admin: postgres.Sql;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url: string;

  beforeAll(async () => {
    const adminUrl = inject("postgresUrl");
    admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${database}`);
    // What an operator runs once (README, Production): a login that is a member of hummdesk_app.
    await admin.unsafe(`CREATE ROLE ${appRole} LOGIN PASSWORD '${password}' IN ROLE hummdesk_app`);
    await admin.unsafe(`CREATE ROLE ${strangerRole} LOGIN PASSWORD '${password}'`);
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      HUMMDESK_SECRET: TEST_SECRET,
      HUMMDESK_DATA_DIR: "/tmp/hummdesk-test-data",
      DATABASE_URL: asUser(adminUrl, appRole, password, database),
      MIGRATION_DATABASE_URL: withDatabase(adminUrl, database),
      DATABASE_POOL_SIZE: "4",
      HUMMDESK_SEED: "true",
      HUMMDESK_WORKERS: "1",
      HUMMDESK_AI_STREAM_DELAY_MS: "1",
    });
    app = await buildApp(config);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await app?.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await admin.unsafe(`DROP ROLE IF EXISTS ${appRole}`).catch(() => {});
    await admin.unsafe(`DROP ROLE IF EXISTS ${strangerRole}`).catch(() => {});
    await admin.end();
  });

  test("the app works end to end: agent login, a visitor's message, the AI's streamed answer", async () => {
    const login = await api<{ accessToken: string }>(url, "POST", "/api/v1/auth/login", { body: { email: "aino@k-rauta.example", password: "hummdesk-agent" } });
    expect(login.status).toBe(200);
    const token = await visitorToken(url);
    const socket = await TestSocket.open(url, "/widget/v1/ws");
    socket.send({ type: "auth", token });
    await socket.waitFor((f) => f.type === "ready");
    const sent = await api(url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: `cm_${suffix}`, content: "Mitkä ovat aukioloajat lauantaina?" } });
    expect(sent.status).toBe(201);
    await socket.waitFor((f) => f.type === "ai.answer.completed", 30_000);
    socket.close();
  });

  test("the app's connections cannot become the owner or a superuser", async () => {
    const sql = app.database.sql!;
    const [who] = await sql.unsafe("select session_user as login, current_user as role, (select rolbypassrls or rolsuper from pg_roles where rolname = session_user) as privileged");
    expect(who).toEqual({ login: appRole, role: "hummdesk_app", privileged: false });
    await expect(sql.unsafe("SET ROLE postgres")).rejects.toThrow(/permission denied/);
    await expect(sql.unsafe("RESET ROLE; SET ROLE postgres")).rejects.toThrow(/permission denied/);
    // Without an account bound, tenant rows stay invisible to the app's login.
    expect(await sql.unsafe("select count(*)::int as n from conversations")).toEqual([{ n: 0 }]);
  });

  test("the cross-tenant SECURITY DEFINER functions are not callable by PUBLIC", async () => {
    const stranger = postgres(asUser(inject("postgresUrl"), strangerRole, password, database), { max: 1, onnotice: () => {} });
    try {
      await expect(stranger.unsafe("select * from hummdesk_find_login('admin@k-rauta.example')")).rejects.toThrow(/permission denied for function/);
      await expect(stranger.unsafe("select hummdesk_create_user('x@example.com', 'x', 'x')")).rejects.toThrow(/permission denied for function/);
      await expect(stranger.unsafe("select * from hummdesk_resolve_inbox('krauta-storefront-demo')")).rejects.toThrow(/permission denied for function/);
    } finally {
      await stranger.end();
    }
    const grants = await admin.unsafe(`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef and has_function_privilege('public', p.oid, 'EXECUTE')`);
    expect(grants).toEqual([]);
  });
});
