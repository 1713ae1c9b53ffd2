/** A small in-memory HummDesk visitor API (`/widget/v1`, REST and websocket) on a real port, for the widget's tests. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  ClientFrame,
  VisitorConversation,
  VisitorMessage,
  VisitorServerFrame,
  WidgetConfig,
} from "@hummdesk/shared";
import { type WebSocket, WebSocketServer } from "ws";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | null;
  token: string | null;
}

interface Visitor {
  id: string;
  conversations: VisitorConversation[];
}

export const TEST_CONFIG: WidgetConfig = {
  inboxName: "K-Rauta asiakaspalvelu",
  websiteToken: "site-token",
  color: "#e30613",
  position: "right",
  locale: "fi",
  greeting: { fi: "Hei! Miten voimme auttaa?", en: "Hi! How can we help?" },
  aiMode: "auto_reply",
  requireEmail: false,
  enforceIdentity: false,
  businessHours: null,
  replyTimeMinutes: 10,
  online: true,
  nextOpenAt: null,
  firstReplyTargetMinutes: null,
};

export async function startFakeServer(options: { tokenLifetimeMs?: number } = {}) {
  const config: WidgetConfig = structuredClone(TEST_CONFIG);
  const requests: RecordedRequest[] = [];
  const frames: { visitorId: string; frame: ClientFrame }[] = [];
  const visitors = new Map<string, Visitor>();
  const tokens = new Map<string, string>();
  const messages: VisitorMessage[] = [];
  const failures: { path: string; status: number; times: number }[] = [];
  const sockets = new Map<WebSocket, string | null>();
  let nextId = 1;
  let nextVisitor = 1;
  let online = true;
  let muted = false;

  function issue(previous?: string) {
    const known = previous ? tokens.get(previous) : undefined;
    const visitor = known ? visitors.get(known)! : { id: `v${nextVisitor++}`, conversations: [] };
    visitors.set(visitor.id, visitor);
    const token = `tok-${visitor.id}-${nextId++}`;
    tokens.set(token, visitor.id);
    const expiresAt = new Date(Date.now() + (options.tokenLifetimeMs ?? 3_600_000)).toISOString();
    return { token, visitorId: visitor.id, expiresAt };
  }

  function current(visitor: Visitor): VisitorConversation | null {
    return visitor.conversations[visitor.conversations.length - 1] ?? null;
  }

  function broadcast(visitorId: string, frame: VisitorServerFrame): void {
    for (const [socket, owner] of sockets) if (owner === visitorId) socket.send(JSON.stringify(frame));
  }

  function addMessage(visitor: Visitor, fields: Partial<VisitorMessage> & { content: string }): VisitorMessage {
    let conversation = current(visitor);
    if (!conversation || conversation.status === "resolved") {
      const now = new Date().toISOString();
      conversation = { id: nextId++, status: "open", createdAt: now, lastActivityAt: now };
      visitor.conversations.push(conversation);
    }
    const message: VisitorMessage = {
      id: nextId++,
      conversationId: conversation.id,
      senderType: "contact",
      senderName: null,
      messageType: "incoming",
      contentType: "text",
      clientMessageId: null,
      citations: [],
      createdAt: new Date().toISOString(),
      ...fields,
    };
    messages.push(message);
    broadcast(visitor.id, { type: "message.created", data: message });
    return message;
  }

  function visitorMessages(visitor: Visitor): VisitorMessage[] {
    const ids = new Set(visitor.conversations.map((conversation) => conversation.id));
    return messages.filter((message) => ids.has(message.conversationId));
  }

  function reply(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, {
      "content-type": "application/json",
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "authorization, content-type",
    });
    response.end(body === undefined ? "" : JSON.stringify(body));
  }

  async function readBody(request: IncomingMessage): Promise<Record<string, unknown> | null> {
    let text = "";
    for await (const chunk of request) text += chunk;
    return text ? JSON.parse(text) : null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/^\/widget\/v1/, "");
    const token = request.headers.authorization?.replace(/^Bearer /, "") ?? null;
    const body = request.method === "OPTIONS" ? null : await readBody(request);
    if (request.method === "OPTIONS") return reply(response, 204, undefined);
    requests.push({ method: request.method ?? "GET", path, query: url.searchParams, body, token });
    if (!online) {
      request.socket.destroy();
      return;
    }
    const failure = failures.find((candidate) => candidate.path === path && candidate.times > 0);
    if (failure) {
      failure.times--;
      return reply(response, failure.status, { error: { code: "test_failure", message: `failing ${path} on purpose` } });
    }
    if (path === `/inboxes/${config.websiteToken}/config`) return reply(response, 200, config);
    if (path.endsWith("/config")) return reply(response, 404, { error: { code: "not_found", message: "no such inbox" } });
    if (path === `/inboxes/${config.websiteToken}/visitors`) return reply(response, 201, issue(body?.token as string));
    const visitor = visitors.get(tokens.get(token ?? "") ?? "");
    if (!visitor) return reply(response, 401, { error: { code: "unauthorized", message: "visitor token rejected" } });
    if (path === "/messages" && request.method === "GET") {
      const conversationId = Number(url.searchParams.get("conversationId") ?? 0);
      const after = Number(url.searchParams.get("after") ?? 0);
      const conversation = current(visitor);
      const shown = conversationId || conversation?.id;
      return reply(response, 200, {
        conversation,
        previousConversations: visitor.conversations.filter((c) => c.id !== conversation?.id).reverse(),
        messages: visitorMessages(visitor).filter((m) => m.conversationId === shown && m.id > after),
      });
    }
    if (path === "/messages") {
      const clientMessageId = body?.clientMessageId as string;
      const repeat = visitorMessages(visitor).find((message) => message.clientMessageId === clientMessageId);
      const message = repeat ?? addMessage(visitor, { content: body?.content as string, clientMessageId });
      const conversation = visitor.conversations.find((c) => c.id === message.conversationId)!;
      return reply(response, repeat ? 200 : 201, { message, conversation, created: !repeat });
    }
    if (path === "/handoff") return reply(response, 200, { conversation: current(visitor) });
    // Like the real server: a new token for the same visitor, carrying the profile.
    if (path === "/identify" || path === "/attributes") return reply(response, 200, issue(token!));
    return reply(response, 404, { error: { code: "not_found", message: `no route ${path}` } });
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((error) => reply(response, 500, { error: { code: "bug", message: String(error) } }));
  });
  const wss = new WebSocketServer({ server: http, path: "/widget/v1/ws" });
  wss.on("connection", (socket) => {
    sockets.set(socket, null);
    socket.on("close", () => sockets.delete(socket));
    socket.on("message", (data) => {
      if (muted) return;
      const frame = JSON.parse(String(data)) as ClientFrame;
      const visitorId = sockets.get(socket);
      if (!visitorId) {
        const owner = frame.type === "auth" ? tokens.get(frame.token) : undefined;
        if (!owner) return socket.close(frame.type === "auth" && frame.token.startsWith("tok-") ? 4401 : 1008, "bad auth");
        sockets.set(socket, owner);
        return socket.send(JSON.stringify({ type: "ready", data: { visitorId: owner } }));
      }
      frames.push({ visitorId, frame });
      if (frame.type === "ping") socket.send(JSON.stringify({ type: "pong", data: {} }));
      if (frame.type === "resume") {
        for (const message of visitorMessages(visitors.get(visitorId)!)) {
          if (message.id > frame.after) socket.send(JSON.stringify({ type: "message.created", data: message }));
        }
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    baseUrl,
    config,
    requests,
    frames,
    messages,
    /** The next `times` requests to `path` (e.g. "/messages") answer `status`. */
    failNext(path: string, status: number, times = 1) {
      failures.push({ path, status, times });
    },
    /** Offline: requests are cut without an answer and sockets dropped. */
    setOnline(value: boolean) {
      online = value;
      if (!value) for (const socket of sockets.keys()) socket.terminate();
    },
    /** Sockets stay open but the server answers nothing (a half-dead connection). */
    setMuted(value: boolean) {
      muted = value;
    },
    /** Every token issued so far stops working (as if expired). */
    expireTokens() {
      tokens.clear();
    },
    visitor: (id: string) => visitors.get(id),
    onlyVisitor: () => [...visitors.values()][0]!,
    agentReply(visitorId: string, content: string, senderType: "agent" | "ai" = "agent") {
      return addMessage(visitors.get(visitorId)!, {
        content,
        senderType,
        senderName: senderType === "agent" ? "Aino" : null,
        messageType: "outgoing",
      });
    },
    resolve(visitorId: string) {
      const conversation = current(visitors.get(visitorId)!)!;
      conversation.status = "resolved";
      broadcast(visitorId, { type: "conversation.updated", data: conversation });
    },
    send: broadcast,
    closeSockets(code: number) {
      for (const socket of sockets.keys()) socket.close(code, "closed by the test");
    },
    socketCount: () => [...sockets.values()].filter(Boolean).length,
    /** Authenticated sockets of one visitor. */
    socketsOf: (visitorId: string) => [...sockets.values()].filter((owner) => owner === visitorId).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.keys()) socket.terminate();
        wss.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;
