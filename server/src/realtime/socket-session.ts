/** The handshake both sockets share: the first frame must authenticate within a few seconds;
 * every frame is validated against the shared schema; bad frames close with 1008 and a reason.
 * Frames are handled one at a time from a bounded queue (a flood closes the socket with 1008),
 * typing frames are rate-limited, and nothing queued runs after the socket has closed. */
import { ClientFrame, CloseCode } from "@hummdesk/shared";
import type { WebSocket } from "ws";
import { HttpError } from "../http/http-error.ts";

export const AUTH_TIMEOUT_MS = 10_000;

export interface SocketLimits {
  /** Frames waiting to be handled; one more closes the socket with 1008. */
  maxQueuedFrames: number;
  /** A typing frame repeating the last state within this interval is dropped. */
  typingIntervalMs: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { maxQueuedFrames: 32, typingIntervalMs: 1000 };

export type AuthFrame = Extract<ClientFrame, { type: "auth" }>;
export type SessionFrame = Exclude<ClientFrame, { type: "auth" }>;

export class CloseError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

export interface SessionHandlers {
  authenticate(frame: AuthFrame): Promise<void>;
  onFrame(frame: SessionFrame): Promise<void>;
  onError(error: unknown): void;
  /** The socket closed (called once): give back what the socket held. */
  onClose(): void;
}

/** Runs a socket: `authenticate` gets the first frame; `onFrame` every later one; `onClose` the end. */
export function runSocketSession(socket: WebSocket, limits: SocketLimits, handlers: SessionHandlers): void {
  new SocketSession(socket, limits, handlers);
}

/** One socket's frame loop. A class rather than closures: an idle socket keeps only these fields. */
class SocketSession {
  private state: "auth" | "authenticating" | "ready" | "closed" = "auth";
  private readonly queue: SessionFrame[] = [];
  private running = false;
  private lastTyping = 0;
  private lastTypingOn: boolean | null = null;
  private timer: NodeJS.Timeout | null;

  constructor(
    private readonly socket: WebSocket,
    private readonly limits: SocketLimits,
    private readonly handlers: SessionHandlers,
  ) {
    this.timer = setTimeout(() => this.close(CloseCode.policy, "expected an auth frame first"), AUTH_TIMEOUT_MS);
    this.timer.unref();
    socket.on("message", (raw, isBinary) => this.receive(raw as Buffer, isBinary));
    // The one close listener of the socket's whole life; `on`, as "close" fires once (a `once`
    // wrapper is ~150 B more per idle socket).
    socket.on("close", () => {
      this.closed();
      handlers.onClose();
    });
  }

  private closed(): void {
    this.state = "closed";
    // Pending frames are discarded: nobody is left to answer.
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private close(code: number, reason: string): void {
    if (this.state === "closed") return;
    const open = this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING;
    this.closed();
    if (open) this.socket.close(code, reason.slice(0, 120));
  }

  private fail(error: unknown): void {
    if (error instanceof CloseError) this.close(error.code, error.message);
    else if (error instanceof HttpError && error.statusCode < 500) this.close(CloseCode.policy, error.message);
    else {
      this.handlers.onError(error);
      this.close(1011, "server error");
    }
  }

  private receive(raw: Buffer, isBinary: boolean): void {
    if (this.state === "closed") return;
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error("binary");
      const parsed = ClientFrame.safeParse(JSON.parse(raw.toString()));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid frame");
      frame = parsed.data;
    } catch {
      this.close(CloseCode.policy, "invalid frame: send JSON {type, ...} as documented");
      return;
    }
    if (this.state === "auth") {
      if (frame.type !== "auth") {
        this.close(CloseCode.policy, "expected an auth frame first");
        return;
      }
      this.state = "authenticating";
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.running = true;
      this.handlers.authenticate(frame).then(
        () => {
          if (this.state !== "authenticating") return;
          this.state = "ready";
          this.running = false;
          this.drain();
        },
        (error: unknown) => this.fail(error),
      );
      return;
    }
    if (frame.type === "auth") {
      this.close(CloseCode.policy, "already authenticated");
      return;
    }
    if (frame.type === "typing" && !this.typingAllowed(frame.on)) return;
    if (this.queue.length >= this.limits.maxQueuedFrames) {
      this.close(CloseCode.policy, `more than ${this.limits.maxQueuedFrames} frames waiting: slow down`);
      return;
    }
    this.queue.push(frame);
    this.drain();
  }

  /** A change of state passes (at most every 1/4 interval); the same state once per interval. */
  private typingAllowed(on: boolean): boolean {
    const now = Date.now();
    const gap = now - this.lastTyping;
    const allowed = on !== this.lastTypingOn ? gap >= this.limits.typingIntervalMs / 4 : gap >= this.limits.typingIntervalMs;
    if (allowed) {
      this.lastTyping = now;
      this.lastTypingOn = on;
    }
    return allowed;
  }

  /** Handles queued frames in order, one at a time, until the queue is empty or the socket closed. */
  private drain(): void {
    if (this.running || this.state !== "ready") return;
    const frame = this.queue.shift();
    if (!frame) return;
    this.running = true;
    this.handlers.onFrame(frame).then(
      () => {
        this.running = false;
        this.drain();
      },
      (error: unknown) => {
        this.running = false;
        this.fail(error);
      },
    );
  }
}
