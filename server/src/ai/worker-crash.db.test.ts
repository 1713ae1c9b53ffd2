/** A worker process killed (SIGKILL) in the middle of a draft: its lease expires, another worker
 * retries the job, and the message ends with exactly one draft. (PostgreSQL only: the worker is a
 * separate process on the same database.) */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, TEST_SECRET, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { ownerQuery, testDriver } from "../../test/test-database.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

function startWorker(databaseUrl: string, streamDelayMs: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/src/ai/worker-main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      HUMMDESK_SECRET: TEST_SECRET,
      HUMMDESK_AI_STREAM_DELAY_MS: String(streamDelayMs),
      HUMMDESK_WORKER_LEASE_SECONDS: "2",
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "ignore"],
  });
}

describe.runIf(testDriver() === "postgres")("worker crash", () => {
  let t: TestApp;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await t?.close();
  });

  test("SIGKILL mid-draft: the job is retried and the message ends with exactly one draft", async () => {
    t = await startTestApp({ ai: { workers: 0 } });
    const agent = await agentLogin(t.url);
    const agentWs = await TestSocket.open(t.url, "/api/v1/ws");
    agentWs.send({ type: "auth", token: agent.accessToken, accountId: t.seeded.krauta.accountId });
    await agentWs.waitFor((f) => f.type === "ready");

    const slow = startWorker(t.database.url!, 250);
    children.push(slow);
    const token = await visitorToken(t.url);
    const sent = await api<{ message: { id: number; conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: "crash-test-1", content: "Hei, miten palautan tuotteen ja saanko rahat takaisin?" },
    });
    // The slow worker has started streaming: kill it without any chance to clean up.
    await agentWs.waitFor((f) => f.type === "ai.answer.delta" && f.data.index === 2, 30_000);
    slow.kill("SIGKILL");
    const firstDraftId = agentWs.frames.find((f) => f.type === "ai.answer.delta")?.data.draftId;

    children.push(startWorker(t.database.url!, 0));
    const done = await agentWs.waitFor((f) => f.type === "ai.answer.completed", 30_000);
    expect(done.data.draftId).toBe(firstDraftId);
    const drafts = await ownerQuery<{ status: string; content: string }>(t.database, `select status, content from ai_drafts where message_id = ${sent.body.message.id}`);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.status).toBe("ready");
    expect(drafts[0]?.content).toBe(done.data.content);
    const jobs = await ownerQuery<{ status: string; attempts: number }>(t.database, `select status, attempts from jobs where payload->>'messageId' = '${sent.body.message.id}'`);
    expect(jobs).toEqual([{ status: "done", attempts: 2 }]);
    agentWs.close();
  }, 90_000);
});
