/** A database outage: while PostgreSQL is down the API answers 503 (never a false success) and
 * /health fails; when it is back the service recovers without a restart, and the client's
 * retries create each message once. (PostgreSQL only: a server of its own, stopped mid-test.) */
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "../db/client.ts";
import { api, startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";
import { startEmbeddedPostgres, type RunningPostgres } from "../../test/embedded-server.ts";
import { ownerQuery, testDriver, type TestDatabase } from "../../test/test-database.ts";

describe.runIf(testDriver() === "postgres")("database outage", () => {
  let server: RunningPostgres;
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  test("503 while down, recovery without restart, each message stored once", async () => {
    server = await startEmbeddedPostgres();
    const database = (await openDatabase({ url: server.url, poolSize: 4 })) as TestDatabase;
    t = await startTestApp({ database, ai: { workers: 0 } });
    const token = await visitorToken(t.url);
    const send = (clientMessageId: string) =>
      api<{ created?: boolean; error?: { code: string } }>(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId, content: `viesti ${clientMessageId}` } });
    expect((await send("before-outage")).status).toBe(201);

    await server.pause();
    const during = await send("during-outage");
    expect(during.status).toBe(503);
    expect(during.body.error?.code).toBe("unavailable");
    expect(during.headers.get("retry-after")).toBeTruthy();
    expect((await api(t.url, "GET", "/health")).status).toBe(503);

    await server.start();
    let retried = during;
    const start = Date.now();
    while (retried.status >= 500 && Date.now() - start < 20_000) {
      await new Promise((r) => setTimeout(r, 200));
      retried = await send("during-outage");
    }
    expect(retried.status).toBe(201);
    // Pooled connections that died with the server reconnect on their first use: one more 503 may come.
    let again = await send("during-outage");
    for (let i = 0; again.status === 503 && i < 10; i++) again = await send("during-outage");
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect((await api(t.url, "GET", "/health")).status).toBe(200);
    const rows = await ownerQuery<{ client_message_id: string; n: number }>(
      database,
      "select client_message_id, count(*)::int as n from messages group by client_message_id order by client_message_id",
    );
    expect(rows.filter((r) => r.client_message_id?.endsWith("outage"))).toEqual([
      { client_message_id: "before-outage", n: 1 },
      { client_message_id: "during-outage", n: 1 },
    ]);
  }, 90_000);
});
