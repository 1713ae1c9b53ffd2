/** An agent socket does not outlive its right to the account: logout, a reused refresh token, an
 * expired access token and a removed membership each close it with 4401 within seconds, without
 * waiting for a frame from the client. Another session of the same agent stays open. */
import { createHmac } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, TEST_SECRET, type TestApp, TestSocket } from "../../test/test-app.ts";
import { ownerQuery } from "../../test/test-database.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function agentSocket(accessToken: string) {
  const socket = await TestSocket.open(t.url, "/api/v1/ws");
  socket.send({ type: "auth", token: accessToken, accountId: t.seeded.krauta.accountId });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

/** Closed with 4401 within `ms`, the client having sent nothing since `ready`. */
async function expectRevoked(socket: TestSocket, ms = 5000) {
  const closed = await socket.waitForClose(ms);
  expect(closed.code).toBe(4401);
  expect(closed.reason.length).toBeGreaterThan(0);
}

describe("agent socket revocation", () => {
  test("logout closes the session's socket; the same agent's other session stays open", async () => {
    const session = await agentLogin(t.url);
    const other = await agentLogin(t.url);
    const socket = await agentSocket(session.accessToken);
    const otherSocket = await agentSocket(other.accessToken);
    const out = await api(t.url, "POST", "/api/v1/auth/logout", { body: { refreshToken: session.refreshToken } });
    expect(out.status).toBe(204);
    await expectRevoked(socket);
    await new Promise((r) => setTimeout(r, 300));
    expect(otherSocket.closed).toBeNull();
    otherSocket.close();
  });

  test("reusing a rotated refresh token revokes the family and closes its socket", async () => {
    const session = await agentLogin(t.url);
    const refreshed = await api<{ accessToken: string }>(t.url, "POST", "/api/v1/auth/refresh", { body: { refreshToken: session.refreshToken } });
    expect(refreshed.status).toBe(200);
    const socket = await agentSocket(refreshed.body.accessToken);
    const reused = await api(t.url, "POST", "/api/v1/auth/refresh", { body: { refreshToken: session.refreshToken } });
    expect(reused.status).toBe(401);
    await expectRevoked(socket);
  });

  test("the socket closes when its access token expires", async () => {
    const session = await agentLogin(t.url);
    const claims = decodeJwt(session.accessToken);
    // The same token the server signs, only expiring in two seconds.
    const key = createHmac("sha256", TEST_SECRET).update("hummdesk:access-token").digest();
    const shortLived = await new SignJWT({ fam: claims.fam })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(String(claims.sub))
      .setIssuer("hummdesk")
      .setAudience("agent")
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(key);
    const socket = await agentSocket(shortLived);
    const opened = Date.now();
    await expectRevoked(socket, 6000);
    expect(Date.now() - opened).toBeGreaterThan(500);
  });

  test("removing the membership closes the agent's socket in that account", async () => {
    const mikko = await agentLogin(t.url, "mikko@k-rauta.example");
    const socket = await agentSocket(mikko.accessToken);
    const userId = Number(decodeJwt(mikko.accessToken).sub);
    await ownerQuery(t.database, `DELETE FROM account_users WHERE account_id = ${t.seeded.krauta.accountId} AND user_id = ${userId}`);
    await expectRevoked(socket);
  });
});
