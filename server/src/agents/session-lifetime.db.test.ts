/** Sessions end: login and refresh have their own per-IP budgets, a refresh family dies at its
 * absolute end however often it rotates, and finished jobs and dead sessions are pruned. */
import { afterEach, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { createSeededTestDatabase, ownerQuery } from "../../test/test-database.ts";
import { pruneOldRows } from "../db/housekeeping.ts";

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

type Tokens = { refreshToken: string; accessToken: string };
const refresh = (app: TestApp, refreshToken: string) => api<Tokens>(app.url, "POST", "/api/v1/auth/refresh", { body: { refreshToken } });

describe("rate limits", () => {
  test("login and refresh count in separate per-IP buckets", async () => {
    t = await startTestApp({ rateLimits: { login: 3, refresh: 3 } });
    const session = await agentLogin(t.url);
    for (let i = 0; i < 2; i++) await api(t.url, "POST", "/api/v1/auth/login", { body: { email: "aino@k-rauta.example", password: "wrong-password" } });
    // The login bucket is spent ...
    expect((await api(t.url, "POST", "/api/v1/auth/login", { body: { email: "aino@k-rauta.example", password: "hummdesk-agent" } })).status).toBe(429);
    // ... the refresh bucket is not.
    let token = session.refreshToken;
    for (let i = 0; i < 3; i++) {
      const rotated = await refresh(t, token);
      expect(rotated.status).toBe(200);
      token = rotated.body.refreshToken;
    }
    expect((await refresh(t, token)).status).toBe(429);
  });
});

describe("absolute lifetime", () => {
  test("rotation keeps the family's absolute end; past it, refresh is refused", async () => {
    t = await startTestApp({ env: { HUMMDESK_SESSION_MAX_DAYS: "2" } });
    const session = await agentLogin(t.url);
    const [first] = await ownerQuery<{ family_id: string; absolute: string }>(
      t.database,
      "select family_id, absolute_expires_at::text as absolute from sessions order by id desc limit 1",
    );
    const days = (Date.parse(first!.absolute) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.99);
    expect(days).toBeLessThan(2.01);
    const rotated = await refresh(t, session.refreshToken);
    expect(rotated.status).toBe(200);
    const family = await ownerQuery<{ absolute: string; expires: string }>(
      t.database,
      `select absolute_expires_at::text as absolute, expires_at::text as expires from sessions where family_id = '${first!.family_id}'`,
    );
    expect(new Set(family.map((s) => Date.parse(s.absolute))).size).toBe(1);
    // A session is never refreshable past its family's end, whatever its own expiry says.
    for (const s of family) expect(Date.parse(s.expires)).toBeLessThanOrEqual(Date.parse(s.absolute));

    await ownerQuery(t.database, `update sessions set absolute_expires_at = now() - interval '1 second' where family_id = '${first!.family_id}'`);
    const late = await api<{ error: { code: string } }>(t.url, "POST", "/api/v1/auth/refresh", { body: { refreshToken: rotated.body.refreshToken } });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe("invalid_refresh_token");
  });
});

describe("pruning", () => {
  test("finished jobs older than the retention and dead sessions are deleted; live ones stay", async () => {
    // A database without a server, so only this call prunes.
    const { database, seeded } = await createSeededTestDatabase();
    try {
      const account = seeded.krauta.accountId;
      await ownerQuery(
        database,
        `insert into jobs (account_id, kind, unique_key, payload, status, updated_at) values
          (${account}, 'test', 'old-done', '{}', 'done', now() - interval '10 days'),
          (${account}, 'test', 'old-failed', '{}', 'failed', now() - interval '10 days'),
          (${account}, 'test', 'new-done', '{}', 'done', now()),
          (${account}, 'test', 'old-queued', '{}', 'queued', now() - interval '10 days')`,
      );
      // updated_at is kept by a trigger on UPDATE only, so the inserted ages stand.
      const [user] = await ownerQuery<{ id: number }>(database, "select id from users where email = 'aino@k-rauta.example'");
      await ownerQuery(
        database,
        `insert into sessions (user_id, token_hash, family_id, expires_at, absolute_expires_at) values
          (${user!.id}, 'h-expired-long-ago', 'f1', now() - interval '30 days', now() + interval '1 day'),
          (${user!.id}, 'h-family-over', 'f2', now() + interval '1 day', now() - interval '1 minute'),
          (${user!.id}, 'h-just-expired', 'f3', now() - interval '1 hour', now() + interval '1 day'),
          (${user!.id}, 'h-live', 'f4', now() + interval '1 day', now() + interval '20 days')`,
      );
      const pruned = await pruneOldRows(database.db, { jobRetentionDays: 7, sessionGraceDays: 7 });
      expect(pruned).toEqual({ jobs: 2, sessions: 2 });
      const jobs = await ownerQuery<{ unique_key: string }>(database, "select unique_key from jobs where kind = 'test' order by unique_key");
      expect(jobs.map((j) => j.unique_key)).toEqual(["new-done", "old-queued"]);
      const sessions = await ownerQuery<{ token_hash: string }>(database, "select token_hash from sessions where token_hash like 'h-%' order by token_hash");
      expect(sessions.map((s) => s.token_hash)).toEqual(["h-just-expired", "h-live"]);
    } finally {
      await database.close();
    }
  });

  test("the server prunes on its own, periodically", async () => {
    t = await startTestApp({ env: { HUMMDESK_PRUNE_INTERVAL_SECONDS: "1" } });
    await ownerQuery(
      t.database,
      `insert into jobs (account_id, kind, unique_key, payload, status, updated_at) values (${t.seeded.krauta.accountId}, 'test', 'stale', '{}', 'done', now() - interval '100 days')`,
    );
    const deadline = Date.now() + 10_000;
    let left = 1;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      left = (await ownerQuery(t.database, "select id from jobs where unique_key = 'stale'")).length;
    }
    expect(left).toBe(0);
  });
});
