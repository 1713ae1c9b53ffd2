/** Each account's AI budget (jobs a minute, model tokens a day): past it, the conversation is
 * handed to people with a clear notice instead of an AI answer. */
import { sql } from "drizzle-orm";
import { afterEach, expect, test, vi } from "vitest";
import { api, startTestApp, TEST_SECRET, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { rowsOf, withAccount } from "../db/client.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { systemText } from "../inbox/system-texts.ts";
import { OpenAIProvider } from "./openai-provider.ts";
import { type OpenAICompatibleServer, startOpenAICompatibleServer } from "./testing/openai-compatible-server.ts";

vi.setConfig({ testTimeout: 120_000 });

let t: TestApp | null = null;
let model: OpenAICompatibleServer | null = null;
afterEach(async () => {
  await t?.close();
  await model?.close();
  t = null;
  model = null;
});

/** A visitor asks once and waits for what comes back: an AI message, or the hand-off notice. */
async function ask(app: TestApp, content: string) {
  const token = await visitorToken(app.url);
  const socket = await TestSocket.open(app.url, "/widget/v1/ws");
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  const sent = await api<{ message: { id: number; conversationId: number } }>(app.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: `cm_${Math.random().toString(36).slice(2)}`, content },
  });
  expect(sent.status).toBe(201);
  const reply = await socket.waitFor((f) => f.type === "message.created" && (f.data.senderType === "ai" || f.data.senderType === "system"), 30_000);
  socket.close();
  return { conversationId: sent.body.message.conversationId, reply: reply.data as { senderType: string; content: string } };
}

/** A fixed one-minute window: do not start a two-message case in the last seconds of a minute. */
async function awayFromMinuteEdge() {
  const second = new Date().getSeconds();
  if (second > 40) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
}

async function expectHandedOff(app: TestApp, conversationId: number, reason: RegExp) {
  const tenant = createTenantService(app.database.db, app.seeded.krauta.accountId);
  expect(await tenant.getConversation(conversationId)).toMatchObject({ handoffRequested: true, aiEnabled: false });
  expect(await tenant.getLatestDraft(conversationId)).toBeNull();
  const notes = (await tenant.getConversationMessages(conversationId, { includePrivate: true })).filter((m) => m.private);
  expect(notes.map((m) => m.content)).toEqual([expect.stringMatching(reason)]);
}

test("past the jobs-per-minute budget a visitor is told a person will reply, and no AI runs", async () => {
  await awayFromMinuteEdge();
  t = await startTestApp({ ai: { workers: 1, worker: { pollMs: 50 } }, env: { HUMMDESK_AI_JOBS_PER_MINUTE: "1" } });
  const first = await ask(t, "Mitkä ovat aukioloajat lauantaina?");
  expect(first.reply.senderType).toBe("ai");
  const second = await ask(t, "Milloin tilaukseni saapuu?");
  expect(second.reply).toMatchObject({ senderType: "system", content: systemText("aiHandoff", "fi", "fi") });
  await expectHandedOff(t, second.conversationId, /jobs per minute/);
});

test("model tokens are counted per account and day; past the budget the conversation goes to people", async () => {
  model = await startOpenAICompatibleServer({ mode: "ok", tokenDelayMs: 1 });
  const provider = new OpenAIProvider({ apiKey: "sk-test-local", baseUrl: model.url, model: "test-model", timeoutMs: 5000, maxRetries: 0, secrets: [TEST_SECRET] });
  t = await startTestApp({ ai: { workers: 1, worker: { pollMs: 50 }, provider }, env: { HUMMDESK_AI_TOKENS_PER_DAY: "50", HUMMDESK_AI_JOBS_PER_MINUTE: "0" } });
  const first = await ask(t, "Hur länge har jag returrätt på en borrmaskin?");
  expect(first.reply.senderType).toBe("ai");
  // The job records its tokens when it finishes, just after the answer is published.
  const app = t;
  const readTokens = async () =>
    withAccount(app.database.db, app.seeded.krauta.accountId, async (tx) => rowsOf<{ tokens: number | string }>(await tx.execute(sql`select tokens from ai_usage`)));
  await vi.waitFor(async () => expect(Number((await readTokens())[0]?.tokens ?? 0)).toBeGreaterThan(50), { timeout: 10_000, interval: 50 });
  expect(await readTokens()).toHaveLength(1);
  const second = await ask(t, "Levererar ni till Åland?");
  expect(second.reply.senderType).toBe("system");
  await expectHandedOff(t, second.conversationId, /tokens/);
  // The neighbour's budget is its own: its row is not visible here and K-Rauta's is not theirs.
  const neighbourRows = await withAccount(t.database.db, t.seeded.neighbour.accountId, async (tx) => rowsOf(await tx.execute(sql`select * from ai_usage`)));
  expect(neighbourRows).toEqual([]);
});
