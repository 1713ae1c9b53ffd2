/** The widget config's "online" through the real server: read from a per-account cache (a page
 * view costs no query), and an agent's availability change through the API shows at once. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { ownerQuery } from "../../test/test-database.ts";
import { agentLogin, api, startTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ai: { workers: 0 } });
});
afterAll(async () => {
  await t.close();
});

const online = async () =>
  (await api<{ online: boolean }>(t.url, "GET", "/widget/v1/inboxes/krauta-storefront-demo/config")).body.online;

test("config.online: cached per account, invalidated by an availability change through the API", async () => {
  const { accountId, inboxId } = t.seeded.krauta;
  // Always open, and nobody online: before the first config read, so the cache starts from this.
  await ownerQuery(t.database, `update inboxes set business_hours = null where id = ${inboxId}`);
  await ownerQuery(t.database, `update account_users set availability = 'offline' where account_id = ${accountId}`);
  expect(await online()).toBe(false);

  const { accessToken } = await agentLogin(t.url);
  const set = await api(t.url, "PUT", `/api/v1/accounts/${accountId}/agents/me/availability`, { token: accessToken, body: { availability: "online" } });
  expect(set.status).toBe(200);
  expect(await online()).toBe(true);

  // A change behind the server's back (another process, a script) is not seen until the entry
  // expires: the config did not query for it.
  await ownerQuery(t.database, `update account_users set availability = 'offline' where account_id = ${accountId}`);
  expect(await online()).toBe(true);
});
