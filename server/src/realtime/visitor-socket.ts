/** GET /widget/v1/ws: the visitor's socket. Auth in the first frame (never a token in the URL),
 * then resume after a message id; it only ever carries the visitor's own conversations of the
 * token's inbox (every one of them: a reopened older conversation too). GET and POST
 * /widget/v1/stream carry the same frames over HTTP where websockets are blocked (stream-socket.ts). */
import { CloseCode, type Contact } from "@hummdesk/shared";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { TokenError, type TokenService } from "../auth/tokens.ts";
import type { Database } from "../db/client.ts";
import { isOriginAllowed } from "../http/origins.ts";
import { loadVisitorInbox } from "../inbox/visitor-inbox.ts";
import { toVisitorConversation, toVisitorMessage } from "../inbox/visitor-service.ts";
import { createTenantService, type TenantStores } from "../tenant/tenant-service.ts";
import { Connection, type Replayer } from "./connection.ts";
import type { Gateway } from "./gateway.ts";
import type { RealtimeHub } from "./hub.ts";
import { publishAfterCommit } from "./publish.ts";
import { releaseUpgradeRequest } from "./release-upgrade.ts";
import { replayMissed } from "./replay-missed.ts";
import { type AuthFrame, CloseError, runSocketSession, type SessionFrame, type SessionHandlers } from "./socket-session.ts";
import { StreamRegistry, StreamSocket } from "./stream-socket.ts";
import type { WebSocket } from "ws";
import type { RealtimeLimits } from "./realtime-limits.ts";

/** The visitor's contact and, with it, the conversation ids (a resume) or the open one (typing). */
function withContact<T>(db: Database, c: Connection, fn: (t: TenantStores, contact: Contact) => Promise<T>, none: T) {
  return createTenantService(db, c.accountId).transaction(async (t) => {
    const contact = await t.findContactByVisitor(c.subject);
    return contact ? fn(t, contact) : none;
  });
}

/** Replays the visitor's messages after `after` (never notes), page after page, then (after a
 * lost LISTEN connection) their conversations of the inbox changed since then; an AI answer
 * still streaming arrives with its text so far. */
function replayVisitor(db: Database, gateway: Gateway) {
  return async (c: Connection, after: number, changedSince?: string) => {
    c.beginReplay(); // live frames wait from here on, so nothing overtakes the history
    const contact = await withContact(db, c, async (t, found) => ({ id: found.id, conversationIds: await t.conversationIdsOfContact(found.id, c.inboxId!) }), null);
    const conversationIds = contact?.conversationIds ?? [];
    const tenant = createTenantService(db, c.accountId);
    await replayMissed(
      c,
      after,
      async (cursor, limit) => (conversationIds.length ? tenant.listMessagesAfter(cursor, { conversationIds, limit }) : []),
      (m) => ({ type: "message.created", data: toVisitorMessage(m) }),
    );
    gateway.sendStreamsInProgress(c, conversationIds);
    if (changedSince === undefined || !contact) return;
    const changed = await tenant.conversationsChangedSince(changedSince, { contactId: contact.id, inboxId: c.inboxId! });
    for (const conversation of changed) c.send({ type: "conversation.updated", data: toVisitorConversation(conversation) });
  };
}

/** How long a visitor socket trusts its last look-up of the open conversation for typing frames. */
const TYPING_TARGET_TTL_MS = 5000;

interface VisitorRoute {
  db: Database;
  tokens: TokenService;
  gateway: Gateway;
  hub: RealtimeHub;
  limits: RealtimeLimits;
  replay: Replayer;
  log: FastifyBaseLogger;
}

/** One visitor socket, websocket or stream: its frame handlers and all it keeps between frames.
 * A class rather than closures: an idle socket keeps this one small object. */
class VisitorSession implements SessionHandlers {
  private conn: Connection | null = null;
  private typingTarget: { at: number; found: { id: number; contactName: string | null } | null } | null = null;

  constructor(
    private readonly route: VisitorRoute,
    private readonly socket: WebSocket,
    private readonly ip: string,
    /** Where the page's origin is read at auth time (a stream learns it with its first frame). */
    private readonly page: { readonly origin: string | undefined },
  ) {}

  async authenticate(frame: AuthFrame): Promise<void> {
    const { db, tokens, gateway, limits, replay } = this.route;
    const claims = await tokens.verifyVisitor(frame.token).catch((error: unknown) => {
      const expired = error instanceof TokenError && error.expired;
      throw new CloseError(expired ? CloseCode.unauthorized : CloseCode.policy, expired ? "visitor token expired" : "invalid visitor token");
    });
    const inbox = await createTenantService(db, claims.accountId).transaction((t) => loadVisitorInbox(t, claims));
    if (!inbox) throw new CloseError(CloseCode.policy, "the token's inbox no longer exists");
    if (!isOriginAllowed(inbox.allowedOrigins, this.page.origin)) throw new CloseError(CloseCode.policy, "origin not allowed for this inbox");
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (!limits.holdVisitor(this.socket, `${claims.accountId}:${claims.visitorId}`)) return;
    this.conn = new Connection(this.socket, "visitor", claims.accountId, claims.visitorId, claims.inboxId, replay);
    gateway.addVisitor(this.conn);
    this.conn.send({ type: "ready", data: { visitorId: claims.visitorId } });
  }

  async onFrame(frame: SessionFrame): Promise<void> {
    const { db, hub, replay } = this.route;
    const c = this.conn!;
    if (frame.type === "ping") return c.send({ type: "pong", data: {} });
    if (frame.type === "resume") {
      c.resumedAfter(frame.after);
      await replay(c, frame.after);
      return;
    }
    if (frame.type === "typing") {
      // The open conversation is looked up once per few seconds, not per frame: a visitor
      // typing sends a frame every keystroke burst. (None found is not kept: the first
      // message may start one any moment; typing frames are rate-limited per socket.)
      if (!this.typingTarget?.found || Date.now() - this.typingTarget.at > TYPING_TARGET_TTL_MS) {
        const found = await withContact(
          db,
          c,
          async (t, contact) => {
            const open = await t.findOpenConversation(contact.id, c.inboxId!);
            return open ? { id: open.id, contactName: contact.name } : null;
          },
          null,
        );
        this.typingTarget = { at: Date.now(), found };
      }
      const current = this.typingTarget.found;
      if (!current) return;
      publishAfterCommit(hub, [{
        kind: "typing",
        accountId: c.accountId,
        inboxId: c.inboxId!,
        conversationId: current.id,
        visitorId: c.subject,
        senderType: "contact",
        senderName: current.contactName,
        on: frame.on,
        origin: c.id,
      }]);
    }
  }

  onError(error: unknown): void {
    this.route.log.warn({ err: error as Error }, "visitor socket failed");
  }

  onClose(): void {
    const { gateway, limits } = this.route;
    limits.releaseIp(this.ip);
    if (!this.conn) return;
    limits.releaseVisitor(`${this.conn.accountId}:${this.conn.subject}`);
    gateway.remove(this.conn);
  }
}

export async function visitorSocketRoute(app: FastifyInstance, options: { db: Database; tokens: TokenService; gateway: Gateway; hub: RealtimeHub; limits: RealtimeLimits }) {
  const route: VisitorRoute = { ...options, replay: replayVisitor(options.db, options.gateway), log: app.log };

  /** Serves one visitor socket, websocket or stream. */
  function serve(socket: WebSocket, ip: string, page: { readonly origin: string | undefined }): void {
    if (!route.limits.holdIp(socket, ip)) return;
    runSocketSession(socket, route.limits.session, new VisitorSession(route, socket, ip, page));
  }

  app.get("/widget/v1/ws", { websocket: true }, (socket, request) => {
    // Only these two strings outlive the upgrade: an idle socket must not keep its request.
    const origin = request.headers.origin;
    const ip = request.ip;
    releaseUpgradeRequest(socket, request);
    serve(socket, ip, { origin });
  });

  const streams = new StreamRegistry();
  app.get("/widget/v1/stream", (request, reply) => {
    reply.hijack();
    const stream = new StreamSocket(reply.raw);
    streams.add(stream);
    // The stream has the members of a ws socket that the frame loop, the limits and the gateway use.
    serve(stream as unknown as WebSocket, request.ip, stream);
  });
  app.post("/widget/v1/stream", { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const body = typeof request.body === "string" ? request.body : "";
    const split = body.indexOf("\n");
    const stream = split > 0 ? streams.get(body.slice(0, split)) : undefined;
    if (!stream) return reply.code(404).send({ error: "not_found", message: "no such stream: open a new one with GET /widget/v1/stream" });
    stream.receive(body.slice(split + 1), request.headers.origin);
    return reply.code(204).send();
  });
}
