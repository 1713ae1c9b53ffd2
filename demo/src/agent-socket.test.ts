import type { AgentServerFrame } from "@hummdesk/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { agentSocketUrl, connectAgentSocket } from "./agent-socket.ts";

/** Just enough of a browser WebSocket: the test plays the server. */
class FakeSocket {
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  receive(frame: AgentServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  close(code = 1000) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const message = (id: number) =>
  ({
    type: "message.created",
    data: { id, accountId: 1, conversationId: 1, senderType: "contact", senderId: null, senderName: null, messageType: "incoming", contentType: "text", content: "Hei", private: false, clientMessageId: null, sentiment: null, citations: [], createdAt: "2025-01-01T00:00:00Z" },
  }) as const satisfies AgentServerFrame;

describe("agent socket", () => {
  let sockets: FakeSocket[];
  let token: string;
  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    token = "access-1";
  });
  afterEach(() => vi.useRealTimers());

  function connect(refresh: () => Promise<boolean> = async () => true) {
    const frames: AgentServerFrame[] = [];
    const statuses: string[] = [];
    const onReconnected = vi.fn();
    const onUnauthorized = vi.fn();
    const socket = connectAgentSocket({
      url: "ws://desk.test/api/v1/ws",
      credentials: () => ({ token, accountId: 3 }),
      refresh,
      onFrame: (frame) => frames.push(frame),
      onStatus: (status) => statuses.push(status),
      onReconnected,
      onUnauthorized,
      createSocket: () => {
        const fake = new FakeSocket();
        sockets.push(fake);
        return fake as unknown as WebSocket;
      },
    });
    return { socket, frames, statuses, onReconnected, onUnauthorized };
  }

  const latest = () => sockets.at(-1)!;

  it("authenticates with the token and the account, then pings every 25 s", async () => {
    const { statuses } = connect();
    await vi.advanceTimersByTimeAsync(0);
    latest().open();
    expect(latest().sent).toEqual([{ type: "auth", token: "access-1", accountId: 3 }]);
    latest().receive({ type: "ready", data: { accountId: 3, userId: 7 } });
    expect(statuses.at(-1)).toBe("live");
    await vi.advanceTimersByTimeAsync(50_000);
    expect(latest().sent.slice(1)).toEqual([{ type: "ping" }, { type: "ping" }]);
  });

  it("reconnects with backoff after a drop and resumes after the last message it saw", async () => {
    const { frames, onReconnected } = connect();
    await vi.advanceTimersByTimeAsync(0);
    latest().open();
    latest().receive({ type: "ready", data: { accountId: 3, userId: 7 } });
    latest().receive(message(41));
    latest().receive(message(42));
    latest().close(1006);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(sockets).toHaveLength(2);
    latest().open();
    latest().receive({ type: "ready", data: { accountId: 3, userId: 7 } });
    expect(latest().sent).toEqual([
      { type: "auth", token: "access-1", accountId: 3 },
      { type: "resume", after: 42 },
    ]);
    expect(onReconnected).toHaveBeenCalledOnce();
    expect(frames.filter((frame) => frame.type === "message.created")).toHaveLength(2);
  });

  it("refreshes the token when closed with 4401 and reconnects with the new one", async () => {
    const refresh = vi.fn(async () => {
      token = "access-2";
      return true;
    });
    connect(refresh);
    await vi.advanceTimersByTimeAsync(0);
    latest().open();
    latest().close(4401);
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledOnce();
    latest().open();
    expect(latest().sent).toEqual([{ type: "auth", token: "access-2", accountId: 3 }]);
  });

  it("gives up and reports when the session cannot be refreshed", async () => {
    const { onUnauthorized, statuses } = connect(async () => false);
    await vi.advanceTimersByTimeAsync(0);
    latest().open();
    latest().close(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe("stopped");
  });

  it("stops for good when the page closes it", async () => {
    const { socket } = connect();
    await vi.advanceTimersByTimeAsync(0);
    latest().open();
    socket.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("derives the socket address from the page", () => {
    expect(agentSocketUrl({ protocol: "https:", host: "desk.example.fi" })).toBe("wss://desk.example.fi/api/v1/ws");
    expect(agentSocketUrl({ protocol: "http:", host: "localhost:3000" })).toBe("ws://localhost:3000/api/v1/ws");
  });
});
