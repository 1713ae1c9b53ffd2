/** The visitor websocket: authenticates with its first frame, resumes after the last message, heals itself. */
import type { ClientFrame, VisitorServerFrame } from "@hummdesk/shared";
import { type BackoffPolicy, backoffDelay } from "./backoff.ts";

/** The part of the browser WebSocket the widget uses (the `ws` package fits it too, for tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface VisitorSocketOptions {
  url: string;
  open: (url: string) => SocketLike;
  /** Opens the same socket over HTTP (stream-socket.ts): used once the websocket has failed
   * twice without ever getting ready (a proxy that blocks websockets). */
  fallback?: (url: string) => Promise<SocketLike>;
  token: () => Promise<string>;
  refreshToken: (rejected: string) => Promise<string>;
  /** The highest message id held, sent in the resume frame. */
  lastMessageId: () => number;
  onFrame: (frame: VisitorServerFrame) => void;
  /** After every `ready`; `reconnected` is false the first time. */
  onReady: (reconnected: boolean) => void;
  timers: Timers;
  random: () => number;
  now: () => number;
  heartbeatMs?: number;
  retry?: BackoffPolicy;
}

const OPEN = 1;
const CLOSE_POLICY = 1008;
const CLOSE_TOKEN_EXPIRED = 4401;
/** After a policy close the server refused us: retry slowly rather than hammer it. */
const POLICY_RETRY: BackoffPolicy = { baseMs: 30_000, maxMs: 300_000 };

export interface VisitorSocket {
  /** Opens the socket unless it is open or opening; cuts a pending retry short (the browser came online). */
  connect(): void;
  /** Sends when the socket is authenticated; false otherwise (typing frames are worth nothing later). */
  send(frame: ClientFrame): boolean;
  close(): void;
}

export function createVisitorSocket(options: VisitorSocketOptions): VisitorSocket {
  const { timers, now } = options;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const retry = options.retry ?? { baseMs: 1000, maxMs: 30_000 };
  let socket: SocketLike | null = null;
  let stopped = true;
  let opening = false;
  let ready = false;
  let everReady = false;
  let refused = false;
  let attempt = 0;
  let expiredCloses = 0;
  let failedOpens = 0;
  let openSocket: (url: string) => SocketLike | Promise<SocketLike> = options.open;
  let retryTimer: unknown;
  let heartbeatTimer: unknown;
  let lastFrameAt = 0;

  const raw = (frame: ClientFrame) => socket?.send(JSON.stringify(frame));

  function heartbeat(): void {
    heartbeatTimer = timers.setTimeout(() => {
      // Silence for two beats (no open, no `ready` after auth, no pong) is a dead connection the browser missed.
      if (now() - lastFrameAt > heartbeatMs * 2) return socket?.close();
      if (ready) raw({ type: "ping" });
      heartbeat();
    }, heartbeatMs);
  }

  function reconnectLater(policy: BackoffPolicy): void {
    timers.clearTimeout(retryTimer);
    retryTimer = timers.setTimeout(open, backoffDelay(attempt++, policy, options.random));
  }

  async function open(): Promise<void> {
    retryTimer = undefined;
    if (stopped || socket || opening) return;
    opening = true;
    let token: string;
    let current: SocketLike;
    try {
      token = await options.token();
      if (stopped) return;
      current = await openSocket(options.url);
    } catch {
      return reconnectLater(retry);
    } finally {
      opening = false;
    }
    if (stopped || socket) return current.close();
    socket = current;
    lastFrameAt = now();
    heartbeat();
    current.onopen = () => raw({ type: "auth", token });
    current.onmessage = (event) => {
      if (socket !== current) return;
      lastFrameAt = now();
      let frame: VisitorServerFrame;
      try {
        frame = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (frame?.type === "ready") {
        ready = true;
        refused = false;
        attempt = expiredCloses = 0;
        raw({ type: "resume", after: options.lastMessageId() });
        options.onReady(everReady);
        everReady = true;
      }
      if (typeof frame?.type === "string") options.onFrame(frame);
    };
    current.onclose = ({ code }) => {
      if (socket !== current) return;
      socket = null;
      ready = false;
      timers.clearTimeout(heartbeatTimer);
      if (stopped) return;
      refused = code === CLOSE_POLICY;
      if (!everReady && !refused && options.fallback && ++failedOpens > 1) openSocket = options.fallback;
      if (code === CLOSE_TOKEN_EXPIRED && expiredCloses++ < 2) {
        // The token expired: a fresh one and straight back (twice at most before backing off).
        options.refreshToken(token).then(open, () => reconnectLater(retry));
      } else {
        reconnectLater(refused ? POLICY_RETRY : retry);
      }
    };
  }

  return {
    connect() {
      stopped = false;
      if (refused && retryTimer) return;
      timers.clearTimeout(retryTimer);
      void open();
    },
    send(frame) {
      if (!ready || socket?.readyState !== OPEN) return false;
      raw(frame);
      return true;
    },
    close() {
      stopped = true;
      ready = false;
      timers.clearTimeout(retryTimer);
      timers.clearTimeout(heartbeatTimer);
      socket?.close();
      socket = null;
    },
  };
}
