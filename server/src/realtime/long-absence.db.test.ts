/** A long conversation and a long absence: the visitor's history load shows the latest messages
 * (not the oldest), and a socket resume replays past the 1,000-message page instead of stopping. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { HISTORY_LIMIT } from "../inbox/visitor-service.ts";
import { agentLogin, api, startTestApp, type TestApp, TestSocket } from "../../test/test-app.ts";
import { ownerQuery } from "../../test/test-database.ts";
import { visitorWrites } from "../agents/agent-test-kit.ts";
import { RESUME_PAGE } from "./replay-missed.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ai: { workers: 0 } });
});
afterAll(async () => {
  await t.close();
});

const EXTRA = RESUME_PAGE + 250;

/** Adds `count` agent replies to a conversation straight in the database (numbered from 1). */
async function addReplies(conversationId: number, count: number) {
  await ownerQuery(
    t.database,
    `insert into messages (account_id, conversation_id, sender_type, message_type, content)
       select c.account_id, c.id, 'agent', 'outgoing', 'reply ' || n
         from conversations c, generate_series(1, ${count}) n where c.id = ${conversationId} order by n`,
  );
}

test("history without `after` is the latest messages, oldest first; with `after` what came after", async () => {
  const visitor = await visitorWrites(t.url, "Hei, onko teillä maalia?");
  await addReplies(visitor.conversationId, 600);
  const latest = await api<{ messages: { id: number; content: string }[] }>(t.url, "GET", "/widget/v1/messages", { token: visitor.visitorToken });
  expect(latest.status).toBe(200);
  expect(latest.body.messages).toHaveLength(HISTORY_LIMIT);
  expect(latest.body.messages.at(-1)?.content).toBe("reply 600");
  expect(latest.body.messages[0]?.content).toBe(`reply ${600 - HISTORY_LIMIT + 1}`);
  const ids = latest.body.messages.map((m) => m.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  const after = await api<{ messages: { content: string }[] }>(t.url, "GET", `/widget/v1/messages?after=${visitor.messageId}`, { token: visitor.visitorToken });
  expect(after.body.messages[0]?.content).toBe("reply 1");
});

test(`an agent resuming after more than ${RESUME_PAGE} missed messages gets all of them, in order, once`, async () => {
  const agent = await agentLogin(t.url);
  const visitor = await visitorWrites(t.url, "Paljonko terassilauta maksaa?");
  await addReplies(visitor.conversationId, EXTRA);
  const socket = await TestSocket.open(t.url, "/api/v1/ws");
  socket.send({ type: "auth", token: agent.accessToken, accountId: t.seeded.krauta.accountId });
  await socket.waitFor((f) => f.type === "ready");
  socket.send({ type: "resume", after: visitor.messageId });
  await socket.waitFor((f) => f.type === "message.created" && f.data.content === `reply ${EXTRA}`, 20_000);
  const contents = socket.frames.filter((f) => f.type === "message.created" && f.data.conversationId === visitor.conversationId).map((f) => f.data.content);
  expect(contents).toEqual(Array.from({ length: EXTRA }, (_, i) => `reply ${i + 1}`));
  socket.close();
});

test(`a visitor resuming after more than ${RESUME_PAGE} missed messages gets all of them`, async () => {
  const visitor = await visitorWrites(t.url, "Toimitatteko Ouluun?");
  await addReplies(visitor.conversationId, EXTRA);
  const socket = await TestSocket.open(t.url, "/widget/v1/ws");
  socket.send({ type: "auth", token: visitor.visitorToken });
  await socket.waitFor((f) => f.type === "ready");
  socket.send({ type: "resume", after: visitor.messageId });
  await socket.waitFor((f) => f.type === "message.created" && f.data.content === `reply ${EXTRA}`, 20_000);
  expect(socket.frames.filter((f) => f.type === "message.created")).toHaveLength(EXTRA);
  socket.close();
});
