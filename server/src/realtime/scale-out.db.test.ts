/** Two server processes on one PostgreSQL: events cross processes through LISTEN/NOTIFY, so any
 * node serves any socket. (PostgreSQL only: PGlite lives inside one process.) */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, TEST_SECRET, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { freePort } from "../../test/free-port.ts";
import { testDriver } from "../../test/test-database.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");


describe.runIf(testDriver() === "postgres")("two processes on one PostgreSQL", () => {
  let a: TestApp;
  let b: ChildProcess;
  let bUrl: string;

  beforeAll(async () => {
    a = await startTestApp();
    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    b = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: a.database.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        HUMMDESK_SECRET: TEST_SECRET,
        HUMMDESK_SEED: "false",
        HUMMDESK_WORKERS: "0",
        LOG_LEVEL: "warn",
      },
      stdio: "ignore",
    });
    const start = Date.now();
    for (;;) {
      const ok = await fetch(`${bUrl}/health`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (Date.now() - start > 30_000) throw new Error("process B did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    b?.kill("SIGTERM");
    await a?.close();
  });

  test("a visitor message posted to A reaches an agent socket on B, and B's reply reaches the visitor on A", async () => {
    const token = await visitorToken(a.url);
    const visitor = await TestSocket.open(a.url, "/widget/v1/ws");
    visitor.send({ type: "auth", token });
    await visitor.waitFor((f) => f.type === "ready");
    const agent = await agentLogin(bUrl);
    const agentWs = await TestSocket.open(bUrl, "/api/v1/ws");
    agentWs.send({ type: "auth", token: agent.accessToken, accountId: a.seeded.krauta.accountId });
    await agentWs.waitFor((f) => f.type === "ready");

    const sent = await api<{ message: { id: number; conversationId: number } }>(a.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: "cross-process-1", content: "Hei prosessi B!" },
    });
    const arrived = await agentWs.waitFor((f) => f.type === "message.created" && f.data.id === sent.body.message.id);
    expect(arrived.data.content).toBe("Hei prosessi B!");

    const reply = await api<{ message: { id: number } }>(
      bUrl,
      "POST",
      `/api/v1/accounts/${a.seeded.krauta.accountId}/conversations/${sent.body.message.conversationId}/messages`,
      { token: agent.accessToken, body: { content: "Hei prosessista B" } },
    );
    expect(reply.status).toBe(201);
    const back = await visitor.waitFor((f) => f.type === "message.created" && f.data.id === reply.body.message.id);
    expect(back.data.content).toBe("Hei prosessista B");
    visitor.close();
    agentWs.close();
  });
});
