/** One tenant's flood of AI jobs does not starve another tenant: jobs are claimed round robin
 * across accounts with a per-account cap (real worker, real PostgreSQL, the built-in provider). */
import { expect, test, vi } from "vitest";
import { api, startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";
import { NEIGHBOUR_WEBSITE_TOKEN } from "../../test/fixtures.ts";
import { testDriver } from "../../test/test-database.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { enqueueJob, MESSAGE_JOB } from "./jobs.ts";

vi.setConfig({ testTimeout: 120_000 });

/** Milliseconds from sending a neighbour visitor's message to the first AI text for it. */
async function neighbourFirstText(t: TestApp, content: string): Promise<number> {
  const token = await visitorToken(t.url, NEIGHBOUR_WEBSITE_TOKEN);
  let conversationId = -1;
  const firstDelta = new Promise<number>((resolve) => {
    const off = t.app.hub.subscribe((event) => {
      if (event.kind === "ai.answer.delta" && event.conversationId === conversationId) {
        off();
        resolve(Date.now());
      }
    });
  });
  const started = Date.now();
  const sent = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: `cm_${Math.random().toString(36).slice(2)}`, content },
  });
  expect(sent.status).toBe(201);
  conversationId = sent.body.message.conversationId;
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no AI text for the neighbour within 30 s")), 30_000));
  return (await Promise.race([firstDelta, timeout])) - started;
}

/** K-Rauta floods: `count` visitor messages, each with its AI job, written as the visitor API does. */
async function flood(t: TestApp, count: number) {
  const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
  await tenant.transaction(async (s) => {
    for (let i = 0; i < count; i++) {
      const contact = await s.createContact({ visitorId: `flood-${i}` });
      const conversation = await s.createConversation({ inboxId: t.seeded.krauta.inboxId, contactId: contact.id });
      const { message } = await s.createMessage({
        conversationId: conversation.id,
        senderType: "contact",
        senderId: contact.id,
        messageType: "incoming",
        content: `Hei, missä tilaukseni ${1000 + i} on? Se piti toimittaa eilen.`,
        clientMessageId: `flood-${i}`,
      });
      await enqueueJob(s.executor, { accountId: t.seeded.krauta.accountId, kind: MESSAGE_JOB, uniqueKey: `message:${message.id}`, payload: { messageId: message.id } });
    }
  });
}

// PostgreSQL only: PGlite is one connection, so its latency under load measures that connection.
test.runIf(testDriver() === "postgres")("a flood of jobs from one tenant leaves another tenant's first AI text within 2x its idle latency", async () => {
  // Default worker concurrency and per-account cap; no budget, so only the queue is measured.
  const t = await startTestApp({ ai: { workers: 1, worker: { pollMs: 50, leaseSeconds: 10 } }, env: { HUMMDESK_AI_JOBS_PER_MINUTE: "0", HUMMDESK_AI_STREAM_DELAY_MS: "25" } });
  try {
    await neighbourFirstText(t, "Hej! När öppnar butiken på lördag?"); // warm-up
    const idle = Math.max(await neighbourFirstText(t, "Hej, hur lång returrätt har ni?"), await neighbourFirstText(t, "Levererar ni till Åland?"));

    await flood(t, 40);
    const running = new Promise<void>((resolve) => {
      const off = t.app.hub.subscribe((event) => {
        if (event.kind === "ai.answer.delta" && event.accountId === t.seeded.krauta.accountId) {
          off();
          resolve();
        }
      });
    });
    await running;
    const flooded = await neighbourFirstText(t, "Hej, kan jag byta en trasig gräsklippare?");
    expect(flooded, `idle ${idle} ms, during the flood ${flooded} ms`).toBeLessThanOrEqual(2 * idle);
  } finally {
    await t.close();
  }
});
