/** One websocket client with backpressure: frames that can be lost (typing) are dropped when the
 * client reads slowly, and a client too slow to keep up is closed (it resumes on reconnect), so a
 * slow reader never grows server memory without bound. */
import { randomBytes } from "node:crypto";
import type { WebSocket } from "ws";

export const SOFT_BUFFER_LIMIT = 256 * 1024;
export const HARD_BUFFER_LIMIT = 2 * 1024 * 1024;

export interface Frame {
  type: string;
  data: unknown;
}

/** Replays what a connection missed after a message id (its socket route's resume); with
 * `changedSince` (after a lost LISTEN connection) it also sends the conversations changed since
 * then, so status, assignment and reads made in the gap arrive too. */
export type Replayer = (conn: Connection, after: number, changedSince?: string) => Promise<void>;

export class Connection {
  /** Names the connection in the typing events it publishes, so they do not echo back to it. A
   * flat string: randomUUID's is a chain of 15 concatenations (~500 B kept per idle socket). */
  readonly id = randomBytes(12).toString("base64url");
  alive = true;
  /** The highest message id this client holds (sent, or named in its resume). */
  lastMessageId = 0;
  /** Agent sockets: the session family of the access token (logout ends it). */
  sessionFamily: string | null = null;
  /** While a resume replays history, live message frames wait here (then deduplicated). */
  private pending: { frame: Frame; messageId?: number }[] | null = null;
  /** Made by the first message sent: an idle socket keeps no empty set. */
  private sentMessageIds: Set<number> | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly kind: "agent" | "visitor",
    readonly accountId: number,
    /** agent: the user id; visitor: the visitor id. */
    readonly subject: string,
    /** Visitor sockets: the token's inbox (they receive only its conversations); agents: null. */
    readonly inboxId: number | null,
    /** Catches the client up after a message id (after a lost LISTEN connection). */
    readonly replay: Replayer,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(frame: Frame, options: { droppable?: boolean; messageId?: number } = {}): void {
    if (!this.open) return;
    if (options.messageId !== undefined && frame.type === "message.created") {
      if (this.pending) {
        this.pending.push({ frame, messageId: options.messageId });
        return;
      }
      if (this.sentMessageIds?.has(options.messageId)) return;
      this.remember(options.messageId);
    }
    const buffered = this.socket.bufferedAmount;
    if (buffered > HARD_BUFFER_LIMIT) {
      this.socket.close(1008, "client too slow: reconnect and resume");
      return;
    }
    if (options.droppable && buffered > SOFT_BUFFER_LIMIT) return;
    this.socket.send(JSON.stringify(frame));
  }

  error(code: string, message: string): void {
    this.send({ type: "error", data: { code, message } });
  }

  beginReplay(): void {
    this.pending ??= [];
  }

  /** Sends one page of replayed history now (live frames keep waiting until `endReplay`). */
  replayPage(history: { frame: Frame; messageId: number }[]): void {
    const pending = this.pending;
    this.pending = null;
    for (const item of history) this.send(item.frame, { messageId: item.messageId });
    this.pending = pending;
  }

  /** Resolves once the socket's send buffer is below the soft limit (or the socket closed). */
  async drained(): Promise<void> {
    while (this.open && this.socket.bufferedAmount > SOFT_BUFFER_LIMIT) await new Promise((r) => setTimeout(r, 10));
  }

  /** Sends the replayed history, then what arrived live meanwhile, each message once, in order. */
  endReplay(history: { frame: Frame; messageId: number }[]): void {
    const live = this.pending ?? [];
    this.pending = null;
    const all = [...history, ...live].sort((a, b) => (a.messageId ?? 0) - (b.messageId ?? 0));
    for (const item of all) this.send(item.frame, item.messageId === undefined ? {} : { messageId: item.messageId });
  }

  /** The client said it holds everything up to `after` (its resume). */
  resumedAfter(after: number): void {
    if (after > this.lastMessageId) this.lastMessageId = after;
  }

  close(code: number, reason: string): void {
    this.pending = null;
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) this.socket.close(code, reason);
  }

  private remember(messageId: number): void {
    if (messageId > this.lastMessageId) this.lastMessageId = messageId;
    this.sentMessageIds ??= new Set();
    const sent = this.sentMessageIds;
    sent.add(messageId);
    if (sent.size > 2000) {
      const oldest = sent.values().next().value;
      if (oldest !== undefined) sent.delete(oldest);
    }
  }
}
