import type { VisitorServerFrame } from "@hummdesk/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../test/fake-hummdesk-server.ts";
import { eventually, openNodeSocket } from "../test/test-environment.ts";
import { createApiClient } from "./api-client.ts";
import { createPersistence } from "./persistence.ts";
import { createVisitorSocket } from "./visitor-socket.ts";
import { createTokenKeeper } from "./visitor-token.ts";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A socket for a fresh visitor, holding messages up to `held`, recording frames and dialled URLs. */
async function connect(options: { held?: number; heartbeatMs?: number } = {}) {
  const tokens = createTokenKeeper({ issue: (previous) => api.issueToken(previous), persistence: createPersistence(null, "s"), now: Date.now });
  const api = createApiClient({ baseUrl: server.baseUrl, websiteToken: "site-token", fetch, tokens });
  await tokens.ensure();
  const visitorId = tokens.current()!.visitorId;
  const frames: VisitorServerFrame[] = [];
  const readies: boolean[] = [];
  const dialled: string[] = [];
  let held = options.held ?? 0;
  const socket = createVisitorSocket({
    url: `${server.baseUrl.replace("http", "ws")}/widget/v1/ws`,
    open: (url) => {
      dialled.push(url);
      return openNodeSocket(url);
    },
    token: tokens.ensure,
    refreshToken: tokens.refresh,
    lastMessageId: () => held,
    onFrame(frame) {
      frames.push(frame);
      if (frame.type === "message.created") held = Math.max(held, frame.data.id);
    },
    onReady: (reconnected) => readies.push(reconnected),
    timers: globalThis,
    random: () => 0.5,
    now: Date.now,
    heartbeatMs: options.heartbeatMs,
    retry: { baseMs: 20, maxMs: 100 },
  });
  closers.push(socket.close);
  socket.connect();
  await eventually(() => expect(readies.length).toBeGreaterThan(0));
  const created = () => frames.flatMap((frame) => (frame.type === "message.created" ? [frame.data.content] : []));
  return { socket, frames, readies, dialled, visitorId, created, tokens };
}

describe("visitor socket", () => {
  it("authenticates with its first frame, never with the URL, then resumes", async () => {
    const { dialled, visitorId } = await connect({ held: 0 });
    expect(dialled[0]).toMatch(/\/widget\/v1\/ws$/);
    await eventually(() => expect(server.frames.filter((f) => f.visitorId === visitorId).map((f) => f.frame)).toEqual([{ type: "resume", after: 0 }]));
  });

  it("receives what the server sends to its visitor", async () => {
    const { visitorId, created } = await connect();
    server.agentReply(visitorId, "Hei, autan mielelläni");
    await eventually(() => expect(created()).toEqual(["Hei, autan mielelläni"]));
  });

  it("reconnects after a drop and gets the missed messages once, in order", async () => {
    const { visitorId, created, readies } = await connect();
    server.agentReply(visitorId, "yksi");
    await eventually(() => expect(created()).toEqual(["yksi"]));
    server.setOnline(false);
    server.agentReply(visitorId, "kaksi");
    server.agentReply(visitorId, "kolme");
    server.setOnline(true);
    await eventually(() => expect(readies).toEqual([false, true]));
    await eventually(() => expect(created()).toEqual(["yksi", "kaksi", "kolme"]));
  });

  it("gets a fresh token after a 4401 close and comes straight back", async () => {
    const { readies, tokens, dialled } = await connect();
    const before = tokens.current()!.token;
    server.expireTokens();
    server.closeSockets(4401);
    await eventually(() => expect(readies).toEqual([false, true]));
    expect(tokens.current()!.token).not.toBe(before);
    expect(dialled).toHaveLength(2);
  });

  it("backs off for long after a 1008 policy close instead of hammering", async () => {
    const { dialled } = await connect();
    server.closeSockets(1008);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dialled).toHaveLength(1);
  });

  it("sends typing only while authenticated", async () => {
    const { socket, visitorId } = await connect();
    expect(socket.send({ type: "typing", on: true })).toBe(true);
    await eventually(() => expect(server.frames.some((f) => f.visitorId === visitorId && f.frame.type === "typing")).toBe(true));
    socket.close();
    expect(socket.send({ type: "typing", on: false })).toBe(false);
  });

  it("pings to keep the connection alive", async () => {
    const { visitorId, frames } = await connect({ heartbeatMs: 30 });
    await eventually(() => expect(server.frames.filter((f) => f.visitorId === visitorId && f.frame.type === "ping").length).toBeGreaterThan(1));
    expect(frames.some((frame) => frame.type === "pong")).toBe(true);
  });

  it("drops a connection that went silent and connects again", async () => {
    const { readies, dialled } = await connect({ heartbeatMs: 30 });
    server.setMuted(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    server.setMuted(false);
    await eventually(() => expect(readies).toEqual([false, true]));
    expect(dialled.length).toBeGreaterThanOrEqual(2);
  });

  it("stays closed once the page closes it", async () => {
    const { socket, dialled } = await connect();
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dialled).toHaveLength(1);
  });

  it("where websockets are blocked, switches to the fallback after two failed opens and stays on it", async () => {
    const tokens = createTokenKeeper({ issue: (previous) => api.issueToken(previous), persistence: createPersistence(null, "s"), now: Date.now });
    const api = createApiClient({ baseUrl: server.baseUrl, websiteToken: "site-token", fetch, tokens });
    const dialled: string[] = [];
    const fellBack: string[] = [];
    const readies: boolean[] = [];
    const url = `${server.baseUrl.replace("http", "ws")}/widget/v1/ws`;
    const socket = createVisitorSocket({
      url,
      // A proxy that refuses the upgrade: every websocket closes before it opens.
      open: (dial) => {
        dialled.push(dial);
        return openNodeSocket(dial.replace(/\/ws$/, "/blocked"));
      },
      fallback: async (dial) => {
        fellBack.push(dial);
        return openNodeSocket(dial);
      },
      token: tokens.ensure,
      refreshToken: tokens.refresh,
      lastMessageId: () => 0,
      onFrame: () => {},
      onReady: (reconnected) => readies.push(reconnected),
      timers: globalThis,
      random: () => 0.5,
      now: Date.now,
      retry: { baseMs: 20, maxMs: 100 },
    });
    closers.push(socket.close);
    socket.connect();
    await eventually(() => expect(readies).toEqual([false]));
    expect(dialled).toHaveLength(2);
    expect(fellBack).toEqual([url]);
  });
});
