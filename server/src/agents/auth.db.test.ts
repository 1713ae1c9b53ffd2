/** Agent sign-in through the real server: wrong passwords, refresh-token rotation with reuse
 * detection, and sign-out. */
import type { AuthTokens } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { DEMO_AGENT_PASSWORD } from "../db/seed.ts";
import { expectOnlyError } from "./agent-test-kit.ts";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ ai: { workers: 0 } });
});
afterAll(async () => {
  await testApp.close();
});

const login = (email = "aino@k-rauta.example", password: string = DEMO_AGENT_PASSWORD) =>
  api<AuthTokens>(testApp.url, "POST", "/api/v1/auth/login", { body: { email, password } });
const refresh = (refreshToken: string) => api<AuthTokens>(testApp.url, "POST", "/api/v1/auth/refresh", { body: { refreshToken } });
/** An authorised call of the agent API with an access token: its status. */
const useToken = async (accessToken: string) =>
  (await api(testApp.url, "GET", `/api/v1/accounts/${testApp.seeded.krauta.accountId}/conversations`, { token: accessToken })).status;

describe("login", () => {
  test("the right password: tokens, the user and their accounts with role", async () => {
    const { status, body } = await login();
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ email: "aino@k-rauta.example", name: "Aino Virtanen" });
    expect(body.accounts).toEqual([{ id: testApp.seeded.krauta.accountId, name: "K-Rauta", subdomain: "k-rauta", role: "agent" }]);
    expect(await useToken(body.accessToken)).toBe(200);
  });

  test.each([
    ["a wrong password", "aino@k-rauta.example", "hummdesk-agentX"],
    ["an unknown email", "nobody@k-rauta.example", DEMO_AGENT_PASSWORD],
  ])("%s -> 401 invalid_credentials, saying nothing of which was wrong", async (_case, email, password) => {
    const { status, body } = await login(email, password);
    expect(status).toBe(401);
    expectOnlyError(body, "invalid_credentials");
    expect((body as unknown as { error: { message: string } }).error.message).toBe("email or password is wrong");
  });
});

describe("refresh", () => {
  test("rotates: the new pair works, the old refresh token works no more", async () => {
    const first = (await login()).body;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(await useToken(second.body.accessToken)).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    expect(await useToken(third.body.accessToken)).toBe(200);
  });

  test("reusing a rotated refresh token -> 401 and the whole family is revoked", async () => {
    const first = (await login()).body;
    const rotated = (await refresh(first.refreshToken)).body;
    expect(await useToken(rotated.accessToken)).toBe(200);

    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expectOnlyError(reuse.body, "invalid_refresh_token");
    // Whoever held the copy and whoever held the rotation are both signed out.
    expect(await useToken(rotated.accessToken)).toBe(401);
    expect((await refresh(rotated.refreshToken)).status).toBe(401);
    // Another sign-in of the same user is a different family and keeps working.
    const other = (await login()).body;
    expect(await useToken(other.accessToken)).toBe(200);
  });

  test("a refresh token nobody issued -> 401", async () => {
    const response = await refresh("x".repeat(43));
    expect(response.status).toBe(401);
    expectOnlyError(response.body, "invalid_refresh_token");
  });
});

describe("logout", () => {
  test("revokes the session: its access token and refresh token stop working", async () => {
    const session = (await login()).body;
    expect(await useToken(session.accessToken)).toBe(200);
    const out = await api(testApp.url, "POST", "/api/v1/auth/logout", { body: { refreshToken: session.refreshToken } });
    expect(out.status).toBe(204);
    expect(await useToken(session.accessToken)).toBe(401);
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });
});

describe("the sessions table", () => {
  test("is out of the app role's reach: no read, no forged row; sign-in still works through its functions", async () => {
    const session = (await login()).body;
    const db = testApp.database.db;
    /** The database's own error (drizzle wraps it). */
    const refusal = (query: ReturnType<typeof sql>) =>
      db.execute(query).then(
        () => "allowed",
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(await refusal(sql`select token_hash from sessions limit 1`)).toMatch(/permission denied/);
    expect(
      await refusal(sql`insert into sessions (user_id, token_hash, family_id, expires_at, absolute_expires_at) values (1, 'forged', 'forged', now() + interval '1 day', now() + interval '1 day')`),
    ).toMatch(/permission denied/);
    expect(await refusal(sql`update sessions set revoked_at = null`)).toMatch(/permission denied/);
    expect((await refresh(session.refreshToken)).status).toBe(200);
  });
});
