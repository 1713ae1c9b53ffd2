/** GET /widget/v1/ws: the visitor's socket. Auth in the first frame (never a token in the URL),
 * then resume after a message id; it only ever carries the visitor's own conversations. */
import { CloseCode, type Contact } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import { TokenError, type TokenService } from "../auth/tokens.ts";
import type { Database } from "../db/client.ts";
import { isOriginAllowed } from "../http/origins.ts";
import { loadVisitorInbox } from "../inbox/visitor-inbox.ts";
import { toVisitorMessage } from "../inbox/visitor-service.ts";
import { createTenantService, type TenantStores } from "../tenant/tenant-service.ts";
import { Connection } from "./connection.ts";
import type { Gateway } from "./gateway.ts";
import type { RealtimeHub } from "./hub.ts";
import { CloseError, runSocketSession } from "./socket-session.ts";

export async function visitorSocketRoute(app: FastifyInstance, options: { db: Database; tokens: TokenService; gateway: Gateway; hub: RealtimeHub }) {
  const { db, tokens, gateway, hub } = options;

  app.get("/widget/v1/ws", { websocket: true }, (socket, request) => {
    let conn: Connection | null = null;
    const origin = request.headers.origin;

    let inboxId = 0;
    /** The visitor's contact and, with it, the conversation ids (a resume) or the open one (typing). */
    const withContact = <T>(c: Connection, fn: (t: TenantStores, contact: Contact) => Promise<T>, none: T) =>
      createTenantService(db, c.accountId).transaction(async (t) => {
        const contact = await t.findContactByVisitor(c.subject);
        return contact ? fn(t, contact) : none;
      });

    runSocketSession(socket, {
      async authenticate(frame) {
        const claims = await tokens.verifyVisitor(frame.token).catch((error: unknown) => {
          const expired = error instanceof TokenError && error.expired;
          throw new CloseError(expired ? CloseCode.unauthorized : CloseCode.policy, expired ? "visitor token expired" : "invalid visitor token");
        });
        const inbox = await createTenantService(db, claims.accountId).transaction((t) => loadVisitorInbox(t, claims));
        if (!inbox) throw new CloseError(CloseCode.policy, "the token's inbox no longer exists");
        if (!isOriginAllowed(inbox.allowedOrigins, origin)) throw new CloseError(CloseCode.policy, "origin not allowed for this inbox");
        inboxId = claims.inboxId;
        conn = new Connection(socket, "visitor", claims.accountId, claims.visitorId, origin);
        gateway.addVisitor(conn);
        conn.send({ type: "ready", data: { visitorId: claims.visitorId } });
      },
      async onFrame(frame) {
        const c = conn!;
        if (frame.type === "ping") return c.send({ type: "pong", data: {} });
        if (frame.type === "resume") {
          c.beginReplay();
          const missed = await withContact(
            c,
            async (t, contact) => {
              const conversationIds = await t.conversationIdsOfContact(contact.id, inboxId);
              return conversationIds.length ? t.listMessagesAfter(frame.after, { conversationIds, limit: 1000 }) : [];
            },
            [],
          );
          c.endReplay(missed.map((m) => ({ frame: { type: "message.created", data: toVisitorMessage(m) }, messageId: m.id })));
          return;
        }
        if (frame.type === "typing") {
          const current = await withContact(
            c,
            async (t, contact) => {
              const open = await t.findOpenConversation(contact.id, inboxId);
              return open ? { id: open.id, contactName: contact.name } : null;
            },
            null,
          );
          if (!current) return;
          await hub.publish({
            kind: "typing",
            accountId: c.accountId,
            conversationId: current.id,
            visitorId: c.subject,
            senderType: "contact",
            senderName: current.contactName,
            on: frame.on,
            origin: c.id,
          });
        }
      },
      onError(error) {
        request.log.warn({ err: error as Error }, "visitor socket failed");
      },
    });
  });
}
