/** Presence follows the agent's desk sockets: routing picks an agent only while a desk of theirs is
 * connected (or within the grace period after it closed), on a real server, database and sockets. */
import { sql } from "drizzle-orm";
import { afterEach, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { withAccount } from "../db/client.ts";
import { createTenantService } from "../tenant/tenant-service.ts";

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const fast = { pollMs: 50, backoffSeconds: 0.05, leaseSeconds: 5 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - start > timeoutMs) return value;
    await sleep(50);
  }
}

async function visitorAsks(app: TestApp, content: string) {
  const token = await visitorToken(app.url);
  const sent = await api<{ message: { conversationId: number } }>(app.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: `cm_${Math.random().toString(36).slice(2, 12)}`, content },
  });
  expect(sent.status).toBe(201);
  return sent.body.message.conversationId;
}

test("an agent is routed conversations only while their desk is connected, plus the grace period", async () => {
  t = await startTestApp({ ai: { workers: 1, worker: fast }, env: { HUMMDESK_PRESENCE_GRACE_SECONDS: "1" } });
  const { accountId } = t.seeded.krauta;
  const aino = t.seeded.krauta.agentIds["aino@k-rauta.example"]!;
  const tenant = createTenantService(t.database.db, accountId);
  // Nobody has a desk open (the test seed marks everyone present; undo that).
  await withAccount(t.database.db, accountId, (tx) => tx.execute(sql`update account_users set present_until = null where account_id = ${accountId}`));

  const waiting = await visitorAsks(t, "I want to return a drill and get a refund");
  const routed = await until(() => tenant.getConversation(waiting), (c) => c?.teamId != null);
  expect(routed).toMatchObject({ teamId: t.seeded.krauta.teamIds["palautukset"], assigneeId: null });
  expect((await tenant.listAgents()).every((agent) => !agent.present)).toBe(true);

  // Aino opens the desk: she is present, and the waiting conversation is hers.
  const login = await agentLogin(t.url);
  const desk = await TestSocket.open(t.url, "/api/v1/ws");
  desk.send({ type: "auth", token: login.accessToken, accountId });
  await desk.waitFor((f) => f.type === "ready");
  expect((await until(() => tenant.getConversation(waiting), (c) => c?.assigneeId === aino))?.assigneeId).toBe(aino);
    // Still present well past the grace period while the socket stays open.
  await sleep(1600);
  expect((await tenant.listAgents()).find((agent) => agent.userId === aino)?.present).toBe(true);
  const whileConnected = await visitorAsks(t, "Can I return paint I did not use? I want a refund");
  expect((await until(() => tenant.getConversation(whileConnected), (c) => c?.assigneeId != null))?.assigneeId).toBe(aino);

  // She closes the desk: after the grace period new conversations wait for someone else.
  desk.close();
  await sleep(1600);
  expect((await tenant.listAgents()).find((agent) => agent.userId === aino)?.present).toBe(false);
  const afterLeaving = await visitorAsks(t, "I would like to return a saw, how do refunds work?");
  const left = await until(() => tenant.getConversation(afterLeaving), (c) => c?.teamId != null && c.aiConfidence !== null);
  await sleep(300);
  expect((await tenant.getConversation(afterLeaving))?.assigneeId ?? null).toBeNull();
  expect(left?.teamId).toBe(t.seeded.krauta.teamIds["palautukset"]);
}, 150_000);
