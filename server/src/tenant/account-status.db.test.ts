/** A suspended or cancelled account is off at every edge: the agent API answers 403 with the
 * reason, its sockets are refused, its widget gets no config, tokens or sends, and its AI jobs do
 * not run; the neighbour account keeps working throughout. */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { ownerQuery } from "../../test/test-database.ts";
import { BuiltinProvider } from "../ai/builtin-provider.ts";
import { createWorker } from "../ai/worker.ts";
import { INBOX_CACHE_TTL_MS } from "../cache/inbox-cache.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ai: { workers: 0 } });
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;
const setStatus = (accountId: number, status: string) => ownerQuery(t.database, `update accounts set status = '${status}' where id = ${accountId}`);

describe.each(["suspended", "cancelled"])("a %s account", (status) => {
  test("agents, visitors and sockets are refused with a clear reason; the neighbour is not affected", async () => {
    const krauta = t.seeded.krauta.accountId;
    const agent = await agentLogin(t.url);
    const visitor = await visitorToken(t.url);
    const sent = await api(t.url, "POST", "/widget/v1/messages", { token: visitor, body: { clientMessageId: cmid(), content: "Hei ennen" } });
    expect(sent.status).toBe(201);
    await setStatus(krauta, status);
    try {
      const list = await api<{ error: { code: string; message: string } }>(t.url, "GET", `/api/v1/accounts/${krauta}/conversations`, { token: agent.accessToken });
      expect(list.status).toBe(403);
      expect(list.body.error.code).toBe("account_inactive");
      expect(list.body.error.message).toContain(status);

      const agentSocket = await TestSocket.open(t.url, "/api/v1/ws");
      agentSocket.send({ type: "auth", token: agent.accessToken, accountId: krauta });
      const agentClosed = await agentSocket.waitForClose();
      expect(agentClosed.code).toBe(1008);
      expect(agentClosed.reason).toContain(status);

      // Config and token issuing read the inbox cache: refused once its entry expires (a few seconds).
      const deadline = Date.now() + INBOX_CACHE_TTL_MS + 3000;
      let config = 200;
      while (config === 200 && Date.now() < deadline) {
        config = (await api(t.url, "GET", "/widget/v1/inboxes/krauta-storefront-demo/config")).status;
        if (config === 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(config).toBe(404);
      expect((await api(t.url, "POST", "/widget/v1/inboxes/krauta-storefront-demo/visitors", { body: {} })).status).toBe(404);
      const send = await api<{ error: { code: string } }>(t.url, "POST", "/widget/v1/messages", { token: visitor, body: { clientMessageId: cmid(), content: "Hei jälkeen" } });
      expect(send.status).toBe(403);
      expect(send.body.error.code).toBe("account_inactive");
      expect((await api(t.url, "GET", "/widget/v1/messages", { token: visitor })).status).toBe(403);

      const visitorSocket = await TestSocket.open(t.url, "/widget/v1/ws");
      visitorSocket.send({ type: "auth", token: visitor });
      expect((await visitorSocket.waitForClose()).code).toBe(1008);

      const neighbour = await visitorToken(t.url, "tradgardsboden-web");
      expect((await api(t.url, "POST", "/widget/v1/messages", { token: neighbour, body: { clientMessageId: cmid(), content: "Hej" } })).status).toBe(201);
    } finally {
      await setStatus(krauta, "active");
    }
    const again = await api(t.url, "GET", `/api/v1/accounts/${krauta}/conversations`, { token: agent.accessToken });
    expect(again.status).toBe(200);
  });
});

test("AI jobs of a suspended account are not run; the neighbour's are", async () => {
  const krauta = t.seeded.krauta.accountId;
  const mine = await api<{ message: { id: number } }>(t.url, "POST", "/widget/v1/messages", {
    token: await visitorToken(t.url),
    body: { clientMessageId: cmid(), content: "Missä tilaukseni on?" },
  });
  const theirs = await api<{ message: { id: number } }>(t.url, "POST", "/widget/v1/messages", {
    token: await visitorToken(t.url, "tradgardsboden-web"),
    body: { clientMessageId: cmid(), content: "Var är min beställning?" },
  });
  await setStatus(krauta, "suspended");
  const worker = createWorker({ db: t.database.db, hub: t.app.hub, log: pino({ level: "silent" }), provider: new BuiltinProvider(), pollMs: 20 });
  try {
    worker.start();
    const jobOf = async (messageId: number) =>
      (await ownerQuery<{ status: string; last_error: string | null }>(t.database, `select status, last_error from jobs where unique_key = 'message:${messageId}'`))[0];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (await jobOf(theirs.body.message.id))?.status !== "done") await new Promise((r) => setTimeout(r, 50));
    expect((await jobOf(theirs.body.message.id))?.status).toBe("done");
    const job = await jobOf(mine.body.message.id);
    expect(job?.status).toBe("failed");
    expect(job?.last_error).toContain("suspended");
    const drafts = await ownerQuery(t.database, `select id from ai_drafts where message_id = ${mine.body.message.id}`);
    expect(drafts).toHaveLength(0);
  } finally {
    await worker.stop();
    await setStatus(krauta, "active");
  }
});
