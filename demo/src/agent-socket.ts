/** The desk's live connection: auth, resume after reconnect, keep-alive pings, jittered backoff, 4401 -> refresh. */
import type { AgentServerFrame, ClientFrame } from "@hummdesk/shared";
import { reconnectDelay } from "./backoff.ts";

export type SocketStatus = "connecting" | "live" | "reconnecting" | "stopped";

export interface SocketCredentials {
  token: string;
  accountId: number;
}

export interface AgentSocketOptions {
  url: string;
  /** The current access token and account; null when signed out. */
  credentials: () => SocketCredentials | null;
  /** Gets a new access token (4401 close, or no token yet); false when the session is over. */
  refresh: () => Promise<boolean>;
  onFrame: (frame: AgentServerFrame) => void;
  onStatus?: (status: SocketStatus) => void;
  /** After a reconnect is authenticated: the page reloads what a resume cannot replay (lists, drafts). */
  onReconnected?: () => void;
  /** The session could not be refreshed: the page signs out. */
  onUnauthorized?: () => void;
  createSocket?: (url: string) => WebSocket;
  pingIntervalMs?: number;
}

export interface AgentSocket {
  sendTyping(conversationId: number, on: boolean): void;
  close(): void;
}

const UNAUTHORIZED = 4401;
const POLICY = 1008;
const OPEN = 1; // WebSocket.OPEN, spelled out so the module also loads where WebSocket is not global

export function agentSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/ws`;
}

export function connectAgentSocket(options: AgentSocketOptions): AgentSocket {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const pingIntervalMs = options.pingIntervalMs ?? 25_000;
  let socket: WebSocket | null = null;
  let ready = false;
  let stopped = false;
  let everReady = false;
  let attempt = 0;
  let authFailures = 0;
  let lastMessageId = 0;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (frame: ClientFrame) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(frame));
  };

  async function open(): Promise<void> {
    if (stopped) return;
    options.onStatus?.(everReady ? "reconnecting" : "connecting");
    let credentials = options.credentials();
    if (!credentials) {
      const refreshed = await options.refresh().catch(() => null);
      if (refreshed === false) return unauthorized();
      credentials = options.credentials();
      if (!credentials) return scheduleRetry();
    }
    // The socket serves the account the token was issued for; naming it lets the server check that.
    const auth = { type: "auth", token: credentials.token, accountId: credentials.accountId };
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => current.send(JSON.stringify(auth));
    current.onmessage = (event) => receive(event.data);
    current.onclose = (event) => {
      if (socket !== current) return;
      void closed(event.code);
    };
  }

  function receive(raw: unknown): void {
    if (typeof raw !== "string") return;
    let frame: AgentServerFrame;
    try {
      frame = JSON.parse(raw) as AgentServerFrame;
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== "string") return;
    if (frame.type === "ready") {
      const reconnect = everReady;
      ready = true;
      everReady = true;
      attempt = 0;
      authFailures = 0;
      if (reconnect && lastMessageId > 0) send({ type: "resume", after: lastMessageId });
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({ type: "ping" }), pingIntervalMs);
      options.onStatus?.("live");
      if (reconnect) options.onReconnected?.();
    }
    if (frame.type === "message.created" || frame.type === "message.updated") {
      lastMessageId = Math.max(lastMessageId, frame.data.id);
    }
    options.onFrame(frame);
  }

  async function closed(code: number): Promise<void> {
    socket = null;
    ready = false;
    clearInterval(pingTimer);
    if (stopped) return;
    // An expired token closes with 4401; a refused auth frame closes with 1008 before "ready".
    if (code === UNAUTHORIZED || (code === POLICY && authFailures < 1)) {
      authFailures += 1;
      const refreshed = await options.refresh().catch(() => null);
      if (refreshed === false) return unauthorized();
      if (refreshed === true && authFailures <= 2) return void open();
    }
    scheduleRetry();
  }

  function scheduleRetry(): void {
    if (stopped) return;
    options.onStatus?.("reconnecting");
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void open(), reconnectDelay(attempt));
    attempt += 1;
  }

  function unauthorized(): void {
    stop();
    options.onUnauthorized?.();
  }

  function stop(): void {
    stopped = true;
    clearInterval(pingTimer);
    clearTimeout(retryTimer);
    const current = socket;
    socket = null;
    current?.close(1000, "closed by the desk");
    options.onStatus?.("stopped");
  }

  void open();

  return {
    sendTyping(conversationId, on) {
      if (ready) send({ type: "typing", conversationId, on });
    },
    close: stop,
  };
}
