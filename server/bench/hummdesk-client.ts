/** The bench's HummDesk client: JSON over keep-alive HTTP (node:http, one pool per server), the
 * visitor and agent calls the sections make, and websockets that timestamp every frame. */
import { Agent as HttpAgent, request } from "node:http";
import { WebSocket } from "ws";

export interface HttpResult<T> {
  status: number;
  body: T;
  /** Request start to the last byte of the response. */
  ms: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** A keep-alive connection pool to one server. */
export class HttpClient {
  readonly #agent: HttpAgent;
  readonly #url: URL;

  constructor(
    readonly baseUrl: string,
    maxSockets = 64,
  ) {
    this.#url = new URL(baseUrl);
    this.#agent = new HttpAgent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  async call<T = unknown>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<HttpResult<T>> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          method,
          path,
          headers: {
            ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
            ...options.headers,
          },
          timeout: options.timeoutMs ?? 30_000,
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on("data", (part: Buffer) => parts.push(part));
          response.on("end", () => {
            const text = Buffer.concat(parts).toString("utf8");
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              // Not JSON (an HTML page): keep the text.
            }
            resolve({ status: response.statusCode ?? 0, body: body as T, ms: performance.now() - started });
          });
          response.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** Like `call`, but a non-2xx answer is an error. */
  async ok<T = unknown>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const result = await this.call<T>(method, path, options);
    if (result.status < 200 || result.status >= 300) throw new HttpError(result.status, result.body, `${method} ${path}`);
    return result.body;
  }

  close(): void {
    this.#agent.destroy();
  }
}

export const KRAUTA_WEBSITE_TOKEN = "krauta-storefront-demo";
export const KRAUTA_ADMIN = { email: "admin@k-rauta.example", password: "hummdesk-admin" };
export const KRAUTA_AGENT = { email: "aino@k-rauta.example", password: "hummdesk-agent" };

/** A distinct client address per simulated visitor (bench servers trust one proxy hop, HUMMDESK_TRUST_PROXY=1, as behind
 * a load balancer), so the per-IP limits of the visitor API meter visitors, not the bench. */
export function visitorAddress(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

export interface Visitor {
  index: number;
  token: string;
  visitorId: string;
  websiteToken: string;
  headers: Record<string, string>;
  conversationId?: number;
}

export async function createVisitor(client: HttpClient, websiteToken: string, index: number): Promise<Visitor> {
  const address = visitorAddress(index);
  const issued = await client.ok<{ token: string; visitorId: string }>("POST", `/widget/v1/inboxes/${websiteToken}/visitors`, {
    body: {},
    headers: { "x-forwarded-for": address },
  });
  return { index, token: issued.token, visitorId: issued.visitorId, websiteToken, headers: { authorization: `Bearer ${issued.token}`, "x-forwarded-for": address } };
}

export interface SentMessage {
  message: { id: number; conversationId: number; clientMessageId: string | null };
  conversation: { id: number };
  created: boolean;
}

export function sendVisitorMessage(client: HttpClient, visitor: Visitor, clientMessageId: string, content: string) {
  return client.call<SentMessage>("POST", "/widget/v1/messages", { body: { clientMessageId, content }, headers: visitor.headers });
}

export interface SignedInAgent {
  accessToken: string;
  accountId: number;
  headers: Record<string, string>;
}

export async function login(client: HttpClient, credentials: { email: string; password: string }, address = "10.250.0.1"): Promise<SignedInAgent> {
  const tokens = await client.ok<{ accessToken: string; accounts: { id: number }[] }>("POST", "/api/v1/auth/login", {
    body: credentials,
    headers: { "x-forwarded-for": address },
  });
  const accountId = tokens.accounts[0]?.id;
  if (!accountId) throw new Error(`${credentials.email} belongs to no account`);
  return { accessToken: tokens.accessToken, accountId, headers: { authorization: `Bearer ${tokens.accessToken}` } };
}

/** A second storefront inbox of the demo account (the send limit is per inbox). */
export async function createInbox(client: HttpClient, admin: SignedInAgent, name: string, aiMode = "auto_reply"): Promise<string> {
  const created = await client.ok<{ inbox: { websiteToken: string } }>("POST", `/api/v1/accounts/${admin.accountId}/inboxes`, {
    body: { name, aiMode, locale: "fi" },
    headers: admin.headers,
  });
  return created.inbox.websiteToken;
}

export interface ReceivedFrame {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: frames are read field by field, after checking `type`.
  data: any;
  /** performance.now() when the frame arrived. */
  at: number;
}

/** A websocket that authenticates with its first frame, waits for `ready`, and timestamps frames. */
export class FrameSocket {
  readonly frames: ReceivedFrame[] = [];
  #listeners = new Set<(frame: ReceivedFrame) => void>();
  closed: { code: number; reason: string } | null = null;

  private constructor(
    readonly ws: WebSocket,
    keepFrames: boolean,
  ) {
    ws.on("message", (raw) => {
      const at = performance.now();
      const parsed = JSON.parse(raw.toString()) as { type: string; data: unknown };
      const frame: ReceivedFrame = { type: parsed.type, data: parsed.data, at };
      if (keepFrames) this.frames.push(frame);
      for (const listener of this.#listeners) listener(frame);
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }

  /** `keepFrames: false` for idle sockets: nothing is stored, only `ready` is awaited. */
  static async open(baseUrl: string, path: string, auth: Record<string, unknown>, options: { keepFrames?: boolean; timeoutMs?: number } = {}): Promise<FrameSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}${path}`, { perMessageDeflate: false });
    const socket = new FrameSocket(ws, options.keepFrames ?? true);
    try {
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      ws.on("error", () => {});
      // The server answers the auth frame only, so waiting starts before it is sent.
      const ready = socket.next((frame) => frame.type === "ready", options.timeoutMs ?? 15_000);
      ws.send(JSON.stringify({ type: "auth", ...auth }));
      await ready;
      return socket;
    } catch (error) {
      ws.terminate();
      throw error;
    }
  }

  onFrame(listener: (frame: ReceivedFrame) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The next frame (arriving from now on) matching `predicate`. */
  next(predicate: (frame: ReceivedFrame) => boolean, timeoutMs = 10_000): Promise<ReceivedFrame> {
    const waiting = new Promise<ReceivedFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching frame within ${timeoutMs} ms${this.closed ? ` (socket closed ${this.closed.code} ${this.closed.reason})` : ""}`));
      }, timeoutMs);
      const off = this.onFrame((frame) => {
        if (!predicate(frame)) return;
        clearTimeout(timer);
        off();
        resolve(frame);
      });
    });
    // A wait abandoned because the request before it failed must not crash the run when it times out.
    waiting.catch(() => {});
    return waiting;
  }

  close(): void {
    this.ws.terminate();
  }
}

export const openAgentSocket = (baseUrl: string, agent: SignedInAgent, keepFrames = false) =>
  FrameSocket.open(baseUrl, "/api/v1/ws", { token: agent.accessToken, accountId: agent.accountId }, { keepFrames });

export const openVisitorSocket = (baseUrl: string, visitor: Visitor, keepFrames = false) =>
  FrameSocket.open(baseUrl, "/widget/v1/ws", { token: visitor.token }, { keepFrames });

/** Runs `worker(i)` for i in 0..workers-1 at once and waits for all. */
export async function runWorkers(workers: number, worker: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
}

/** Maps `items` with at most `limit` in flight. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await runWorkers(Math.min(limit, items.length), async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  return results;
}

/** A unique clientMessageId (8-64 of [A-Za-z0-9_-]). */
export function clientMessageId(prefix: string, n: number): string {
  return `${prefix}-${n.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
