/** The agent API's door: who you are is checked before what you sent, and each user has one
 * request budget across every route. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { expectOnlyError, type SignedIn, signIn } from "./agent-test-kit.ts";

let testApp: TestApp;
let who: SignedIn;

beforeAll(async () => {
  testApp = await startTestApp({ ai: { workers: 0 }, rateLimits: { agentUser: 4 } });
  who = await signIn(testApp);
});
afterAll(async () => {
  await testApp.close();
});

test("a bad body from a stranger is a 401 or 404, never a 400 that would describe the route", async () => {
  const path = `/api/v1/accounts/${who.neighbour}/conversations/1/assign`;
  const anonymous = await api(testApp.url, "POST", path, { body: { nonsense: true } });
  expect(anonymous.status).toBe(401);
  expectOnlyError(anonymous.body, "unauthorized");
  const stranger = await api(testApp.url, "POST", path, { token: who.agent.token, body: { nonsense: true } });
  expect(stranger.status).toBe(404);
  expectOnlyError(stranger.body, "not_found");
});

test("each user has one budget across routes; over it -> 429, while colleagues carry on", async () => {
  const get = (path: string, token: string) => api(testApp.url, "GET", `${who.base}${path}`, { token });
  const statuses = [];
  for (const path of ["/conversations", "/teams", "/inboxes", "/agents", "/articles"]) statuses.push((await get(path, who.colleague.token)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 429]);
  const limited = await get("/teams", who.colleague.token);
  expect(limited.status).toBe(429);
  expectOnlyError(limited.body, "rate_limited");
  expect(limited.headers.get("retry-after")).toBeTruthy();
  expect((await get("/teams", who.admin.token)).status).toBe(200);
});
