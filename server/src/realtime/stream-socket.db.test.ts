/** The visitor socket over plain HTTP (for networks that block websockets): the same frames, the
 * same auth-first handshake, the same resume after a message id, the same closes with reasons. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Event = { stream?: string; close?: number; reason?: string; type?: string; data?: Record<string, unknown> };

/** A client of GET/POST /widget/v1/stream, reading the event stream as a browser's fetch does. */
class TestStream {
  readonly events: Event[] = [];
  private waiters: (() => void)[] = [];
  ended = false;
  private constructor(
    readonly id: string,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<TestStream> {
    const abort = new AbortController();
    const response = await fetch(`${url}/widget/v1/stream`, { signal: abort.signal, headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let stream: TestStream | null = null;
    const first = new Promise<string>((resolve) => {
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (!block.startsWith("data: ")) continue;
              const event = JSON.parse(block.slice(6)) as Event;
              if (event.stream) resolve(event.stream);
              else stream?.push(event);
            }
          }
        } catch {
          // aborted
        }
        if (stream) stream.ended = true;
        stream?.wake();
      })();
    });
    stream = new TestStream(await first, abort);
    return stream;
  }

  push(event: Event) {
    this.events.push(event);
    this.wake();
  }

  wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  async post(frame: unknown, headers: Record<string, string> = {}, id = this.id): Promise<number> {
    const body = `${id}\n${typeof frame === "string" ? frame : JSON.stringify(frame)}`;
    const response = await fetch(`${t.url}/widget/v1/stream`, { method: "POST", headers: { "content-type": "text/plain", ...headers }, body });
    return response.status;
  }

  async waitFor(match: (event: Event) => boolean, timeoutMs = 5000): Promise<Event> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.ended || Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close() {
    this.abort.abort();
  }
}

describe("the visitor stream (websockets blocked)", () => {
  test("auth, pings and live messages arrive as on the websocket; a reconnect resumes after the last message held", async () => {
    const token = await visitorToken(t.url);
    const agent = await agentLogin(t.url);
    const sent = await api<{ message: { id: number; conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: "stream-first-1", content: "Hei, toimiiko tämä ilman websocketia?" },
    });
    const conversationId = sent.body.message.conversationId;
    const base = `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/${conversationId}`;

    const stream = await TestStream.open(t.url);
    expect(await stream.post({ type: "auth", token })).toBe(204);
    await stream.waitFor((e) => e.type === "ready");
    expect(await stream.post({ type: "resume", after: sent.body.message.id })).toBe(204);
    expect(await stream.post({ type: "ping" })).toBe(204);
    await stream.waitFor((e) => e.type === "pong");

    const reply = await api<{ message: { id: number } }>(t.url, "POST", `${base}/messages`, { token: agent.accessToken, body: { content: "Toimii, tässä vastaus." } });
    expect(reply.status).toBe(201);
    const live = await stream.waitFor((e) => e.type === "message.created" && e.data?.id === reply.body.message.id);
    expect(live.data?.content).toBe("Toimii, tässä vastaus.");
    stream.close();

    // Missed while disconnected: replayed after the resume of the next stream, once.
    const missed = await api<{ message: { id: number } }>(t.url, "POST", `${base}/messages`, { token: agent.accessToken, body: { content: "Ja vielä yksi." } });
    const again = await TestStream.open(t.url);
    await again.post({ type: "auth", token });
    await again.waitFor((e) => e.type === "ready");
    await again.post({ type: "resume", after: reply.body.message.id });
    await again.waitFor((e) => e.type === "message.created" && e.data?.id === missed.body.message.id);
    expect(again.events.filter((e) => e.type === "message.created").map((e) => e.data?.id)).toEqual([missed.body.message.id]);
    again.close();
  });

  test("bad frames, bad tokens and other origins close the stream with 1008 and a reason; an unknown stream is 404", async () => {
    const garbage = await TestStream.open(t.url);
    await garbage.post("not json");
    const closed = await garbage.waitFor((e) => e.close !== undefined);
    expect(closed.close).toBe(1008);
    expect(closed.reason).toMatch(/invalid frame/);

    const forged = await TestStream.open(t.url);
    await forged.post({ type: "auth", token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged" });
    expect((await forged.waitFor((e) => e.close !== undefined)).reason).toMatch(/invalid visitor token/);

    const early = await TestStream.open(t.url);
    await early.post({ type: "ping" });
    expect((await early.waitFor((e) => e.close !== undefined)).reason).toMatch(/auth frame first/);

    const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
    await tenant.createInbox({ name: "Rajattu virta", websiteToken: "krauta-stream-origin", allowedOrigins: ["https://shop.k-rauta.example"] });
    const issued = await api<{ token: string }>(t.url, "POST", "/widget/v1/inboxes/krauta-stream-origin/visitors", { body: {}, headers: { origin: "https://shop.k-rauta.example" } });
    const evil = await TestStream.open(t.url);
    await evil.post({ type: "auth", token: issued.body.token }, { origin: "https://evil.example" });
    expect((await evil.waitFor((e) => e.close !== undefined)).reason).toMatch(/origin not allowed/);

    const stranger = await TestStream.open(t.url);
    expect(await stranger.post({ type: "ping" }, {}, "no-such-stream")).toBe(404);
    expect(await stranger.post("", {}, "")).toBe(404);
    stranger.close();
  });
});
