/** A real HummDesk server on a random port over a fresh test database, with both tenants seeded;
 * and small clients (HTTP, websocket) that tests drive it with. */
import type { FastifyInstance } from "fastify";
import { WebSocket } from "ws";
import { type AppDependencies, buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { seedBoth } from "./fixtures.ts";
import { createSeededTestDatabase, type TestDatabase } from "./test-database.ts";

export const TEST_SECRET = "test-secret-".padEnd(48, "x");

export interface TestApp {
  app: FastifyInstance;
  url: string;
  database: TestDatabase;
  seeded: Awaited<ReturnType<typeof seedBoth>>;
  close(): Promise<void>;
}

export async function startTestApp(
  deps: Omit<AppDependencies, "database"> & { database?: TestDatabase; seeded?: TestApp["seeded"]; env?: Record<string, string>; onQuery?: (query: string) => void } = {},
): Promise<TestApp> {
  const fresh = deps.database ? null : await createSeededTestDatabase(deps.onQuery ? { onQuery: deps.onQuery } : {});
  const database = deps.database ?? fresh!.database;
  const seeded = deps.seeded ?? fresh?.seeded ?? (await seedBoth(database.db));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", HUMMDESK_SECRET: TEST_SECRET, HUMMDESK_SEED: "false", HUMMDESK_DATA_DIR: "/tmp/hummdesk-test-data", HUMMDESK_AI_STREAM_DELAY_MS: "3", HUMMDESK_WORKERS: "0", ...deps.env });
  const app = await buildApp(config, { ...deps, database });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    app,
    url,
    database,
    seeded,
    async close() {
      await app.close();
      if (!deps.database) await database.close();
    },
  };
}

export async function api<T = unknown>(url: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

export async function visitorToken(url: string, websiteToken = "krauta-storefront-demo"): Promise<string> {
  const { body } = await api<{ token: string }>(url, "POST", `/widget/v1/inboxes/${websiteToken}/visitors`, { body: {} });
  return body.token;
}

export async function agentLogin(url: string, email = "aino@k-rauta.example", password = "hummdesk-agent") {
  const { body } = await api<{ accessToken: string; refreshToken: string; accounts: { id: number }[] }>(url, "POST", "/api/v1/auth/login", {
    body: { email, password },
  });
  return body;
}

export interface Frame {
  type: string;
  data: Record<string, unknown>;
}

/** A websocket client that records every frame and the close code. */
export class TestSocket {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (raw) => this.frames.push(JSON.parse(raw.toString()) as Frame));
    ws.on("close", (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(url: string, path: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const ws = new WebSocket(`${url.replace("http", "ws")}${path}`, { headers });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return socket;
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** Waits for a frame matching `predicate` (among all received so far, then new ones). */
  async waitFor(predicate: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const start = Date.now();
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed ${this.closed.code} ${this.closed.reason} while waiting`);
      if (Date.now() - start > timeoutMs) throw new Error(`timed out; frames: ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async waitForClose(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const start = Date.now();
    while (!this.closed) {
      if (Date.now() - start > timeoutMs) throw new Error("socket did not close");
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closed;
  }

  close() {
    this.ws.close();
  }
}
