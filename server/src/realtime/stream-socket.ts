/**
 * The visitor socket without websockets, for networks that block them (corporate proxies): the
 * same frames over plain HTTP. `GET /widget/v1/stream` answers with a never-ending
 * `text/event-stream` whose first event names the stream (`{"stream": id}`); every later event is
 * a server frame, and a close arrives as `{"close": code, "reason": …}` before the response ends.
 * The client sends its frames (auth first, then resume, ping, typing) with
 * `POST /widget/v1/stream`, body `<id>\n<frame JSON>` as text/plain (no token or id in a URL, no
 * CORS preflight). The id is a random capability known only to the client that opened the stream;
 * the auth frame inside decides who it is, exactly as on the websocket.
 *
 * `StreamSocket` has the members of a `ws` socket that the gateway, the limits and the frame loop
 * use, so the visitor socket route serves both transports with the same code. A stream lives on
 * the node that opened it: behind several nodes, route `/widget/v1/stream` with sticky sessions.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;
/** A comment line now and then keeps proxies from closing an idle stream. */
export const STREAM_KEEPALIVE_MS = 20_000;

export class StreamSocket extends EventEmitter {
  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly id = randomBytes(18).toString("base64url");
  readyState: number = OPEN;
  /** The page's origin, from the request that carried the first frame (the auth frame). */
  origin: string | undefined;
  private heard = false;
  private keepalive: NodeJS.Timeout;

  constructor(private readonly response: ServerResponse) {
    super();
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      // nginx and similar proxies: pass each event on at once.
      "x-accel-buffering": "no",
    });
    response.write(`data: ${JSON.stringify({ stream: this.id })}\n\n`);
    this.keepalive = setInterval(() => this.write(":\n\n"), STREAM_KEEPALIVE_MS);
    this.keepalive.unref();
    response.once("close", () => this.ended());
  }

  get bufferedAmount(): number {
    return this.response.writableLength;
  }

  send(data: string): void {
    this.write(`data: ${data}\n\n`);
  }

  /** A frame the client posted (the websocket's "message" event). */
  receive(text: string, origin: string | undefined): void {
    if (this.readyState !== OPEN) return;
    if (!this.heard) this.origin = origin;
    this.heard = true;
    this.emit("message", Buffer.from(text), false);
  }

  /** The gateway's heartbeat: the stream is alive while the response is writable. */
  ping(): void {
    if (this.readyState === OPEN && this.response.writable) this.emit("pong");
  }

  close(code = 1000, reason = ""): void {
    if (this.readyState !== OPEN) return;
    this.write(`data: ${JSON.stringify({ close: code, reason })}\n\n`);
    this.response.end();
    this.ended(code);
  }

  terminate(): void {
    this.response.destroy();
    this.ended();
  }

  private write(chunk: string): void {
    if (this.readyState === OPEN && this.response.writable) this.response.write(chunk);
  }

  private ended(code = 1006): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    clearInterval(this.keepalive);
    this.emit("close", code, Buffer.alloc(0));
  }
}

/** The open streams of this node by id. */
export class StreamRegistry {
  private readonly streams = new Map<string, StreamSocket>();

  add(socket: StreamSocket): void {
    this.streams.set(socket.id, socket);
    socket.once("close", () => this.streams.delete(socket.id));
  }

  get(id: string): StreamSocket | undefined {
    return this.streams.get(id);
  }
}
