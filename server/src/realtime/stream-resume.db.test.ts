/** A visitor who reloads while the AI answer is still streaming: the new socket's resume brings
 * the text written so far, so the widget shows it at once instead of an empty bubble. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  // A slow stream (60 ms per piece), so the reload surely lands mid-answer.
  t = await startTestApp({ ai: { workers: 1, worker: { pollMs: 20 } }, env: { HUMMDESK_AI_STREAM_DELAY_MS: "60" } });
});
afterAll(async () => {
  await t.close();
});

async function openVisitorSocket(token: string, after?: number): Promise<TestSocket> {
  const socket = await TestSocket.open(t.url, "/widget/v1/ws");
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  if (after !== undefined) socket.send({ type: "resume", after });
  return socket;
}

test("a socket that resumes mid-stream gets the answer's parts so far, then the rest live", async () => {
  const token = await visitorToken(t.url);
  const first = await openVisitorSocket(token);
  const sent = await api<{ message: { id: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: "stream-resume-1", content: "Hei! Miten palautus toimii? Ostin porakoneen viime viikolla." },
  });
  expect(sent.status).toBe(201);
  await first.waitFor((f) => f.type === "ai.answer.delta" && f.data.index === 2, 20_000);
  first.close(); // the reload

  const second = await openVisitorSocket(token, sent.body.message.id);
  await second.waitFor((f) => f.type === "ai.answer.completed", 30_000);
  const frames = second.frames;
  const completedAt = frames.findIndex((f) => f.type === "ai.answer.completed");
  const deltas = frames.slice(0, completedAt).filter((f) => f.type === "ai.answer.delta");
  const indexes = new Set(deltas.map((f) => f.data.index as number));
  // Every piece from the first on reached the new socket before the answer completed.
  const highest = Math.max(...indexes);
  for (let index = 0; index <= highest; index++) expect(indexes.has(index), `piece ${index}`).toBe(true);
  const text = [...new Map(deltas.map((f) => [f.data.index as number, f.data.text as string])).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, piece]) => piece)
    .join("");
  expect(String(frames[completedAt]!.data.content).startsWith(text)).toBe(true);
  second.close();
});
