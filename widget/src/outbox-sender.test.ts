import type { SendMessageResponse } from "@hummdesk/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../test/fake-hummdesk-server.ts";
import { Browser, eventually } from "../test/test-environment.ts";
import { createApiClient } from "./api-client.ts";
import { createOutboxSender } from "./outbox-sender.ts";
import { createPersistence } from "./persistence.ts";
import type { OutboxEntry } from "./state.ts";
import { createTokenKeeper } from "./visitor-token.ts";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

const stops: (() => void)[] = [];
// One visitor across the senders below, as across reloads of one browser.
const persistence = createPersistence(new Browser().openTab("http://shop").storage, "site-token");
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** An outbox in a plain array, sent through the real API client to the in-test server. */
function outbox(...contents: string[]) {
  const entries: OutboxEntry[] = contents.map((content, i) => ({
    clientMessageId: `client-${Math.random().toString(36).slice(2)}-${i}`,
    content,
    createdAt: new Date().toISOString(),
    delivery: "sending",
  }));
  const acknowledged: SendMessageResponse[] = [];
  const deliveries: [string, string, boolean][] = [];
  const tokens = createTokenKeeper({ issue: (previous) => api.issueToken(previous), persistence, now: Date.now });
  const api = createApiClient({ baseUrl: server.baseUrl, websiteToken: "site-token", fetch, tokens });
  const sender = createOutboxSender({
    outbox: () => entries,
    send: (entry) => api.sendMessage({ clientMessageId: entry.clientMessageId, content: entry.content }),
    onAcknowledged(entry, response) {
      entries.splice(entries.indexOf(entry), 1);
      acknowledged.push(response);
    },
    onDelivery(entry, delivery, refused) {
      Object.assign(entry, { delivery, refused });
      deliveries.push([entry.content, delivery, refused]);
    },
    timers: globalThis,
    random: () => 0.5,
    retry: { baseMs: 5, maxMs: 50 },
  });
  stops.push(sender.stop);
  return { entries, sender, acknowledged, deliveries };
}

const postsOf = (clientMessageId: string) =>
  server.requests.filter((r) => r.method === "POST" && r.path === "/messages" && r.body?.clientMessageId === clientMessageId);

describe("outbox sender", () => {
  it("sends in the order written and stops when acknowledged", async () => {
    const { entries, sender, acknowledged } = outbox("eka", "toka", "kolmas");
    sender.flush();
    await eventually(() => expect(entries).toEqual([]));
    expect(acknowledged.map((r) => r.message.content)).toEqual(["eka", "toka", "kolmas"]);
    expect(acknowledged.map((r) => r.message.id)).toEqual([...acknowledged.map((r) => r.message.id)].sort((a, b) => a - b));
  });

  it("retries a failing send with the same clientMessageId until it is acknowledged", async () => {
    const { entries, sender, acknowledged, deliveries } = outbox("tärkeä viesti", "perässä");
    const [first] = entries;
    server.failNext("/messages", 503, 4);
    sender.flush();
    await eventually(() => expect(entries).toEqual([]));
    expect(postsOf(first!.clientMessageId)).toHaveLength(5);
    // The second message waited behind the first: order kept.
    expect(acknowledged.map((r) => r.message.content)).toEqual(["tärkeä viesti", "perässä"]);
    // After three failures the bubble says "not sent" while retries go on.
    expect(deliveries).toContainEqual(["tärkeä viesti", "failed", false]);
  });

  it("stores a resent message once: the server answers the repeat with the same message", async () => {
    const first = outbox("kerran");
    const clientMessageId = first.entries[0]!.clientMessageId;
    first.sender.flush();
    await eventually(() => expect(first.acknowledged).toHaveLength(1));
    const again = outbox("kerran");
    again.entries[0]!.clientMessageId = clientMessageId;
    again.sender.flush();
    await eventually(() => expect(again.acknowledged).toHaveLength(1));
    expect(again.acknowledged[0]).toMatchObject({ created: false, message: { id: first.acknowledged[0]!.message.id } });
    expect(server.messages.filter((m) => m.clientMessageId === clientMessageId)).toHaveLength(1);
  });

  it("marks a refused message failed without retrying it, and sends the ones after it", async () => {
    const { entries, sender, acknowledged, deliveries } = outbox("liian outo", "normaali");
    server.failNext("/messages", 422, 1);
    sender.flush();
    await eventually(() => expect(acknowledged).toHaveLength(1));
    expect(deliveries).toEqual([["liian outo", "failed", true]]);
    expect(entries.map((e) => e.content)).toEqual(["liian outo"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(postsOf(entries[0]!.clientMessageId)).toHaveLength(1);
  });

  it("sends at once on flush instead of waiting out the backoff", async () => {
    const { entries, sender } = outbox("nyt");
    server.setOnline(false);
    const slow = createOutboxSender({
      outbox: () => entries,
      send: () => Promise.reject(new TypeError("fetch failed")),
      onAcknowledged: () => undefined,
      onDelivery: () => undefined,
      timers: globalThis,
      random: () => 0,
      retry: { baseMs: 60_000, maxMs: 60_000 },
    });
    slow.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    slow.stop();
    server.setOnline(true);
    sender.flush();
    await eventually(() => expect(entries).toEqual([]), 500);
  });
});
