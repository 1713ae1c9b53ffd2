/** GET /widget/v1/ws: the visitor's socket. Auth in the first frame (never a token in the URL),
 * then resume after a message id; it only ever carries the visitor's own conversations. */
import { CloseCode } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import { TokenError, type TokenService } from "../auth/tokens.ts";
import type { Database } from "../db/client.ts";
import { isOriginAllowed } from "../http/origins.ts";
import { toVisitorMessage } from "../inbox/visitor-service.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { Connection } from "./connection.ts";
import type { Gateway } from "./gateway.ts";
import type { RealtimeHub } from "./hub.ts";
import { CloseError, runSocketSession } from "./socket-session.ts";

export async function visitorSocketRoute(app: FastifyInstance, options: { db: Database; tokens: TokenService; gateway: Gateway; hub: RealtimeHub }) {
  const { db, tokens, gateway, hub } = options;

  app.get("/widget/v1/ws", { websocket: true }, (socket, request) => {
    let conn: Connection | null = null;
    const origin = request.headers.origin;

    const visitorConversations = async (accountId: number, visitorId: string) => {
      const tenant = createTenantService(db, accountId);
      return tenant.transaction(async (t) => {
        const contact = await t.findContactByVisitor(visitorId);
        if (!contact) return [];
        return (await t.listConversations({ contactId: contact.id, limit: 100 })).conversations;
      });
    };

    runSocketSession(socket, {
      async authenticate(frame) {
        const claims = await tokens.verifyVisitor(frame.token).catch((error: unknown) => {
          const expired = error instanceof TokenError && error.expired;
          throw new CloseError(expired ? CloseCode.unauthorized : CloseCode.policy, expired ? "visitor token expired" : "invalid visitor token");
        });
        const inbox = await createTenantService(db, claims.accountId).getInbox(claims.inboxId);
        if (!inbox) throw new CloseError(CloseCode.policy, "the token's inbox no longer exists");
        if (!isOriginAllowed(inbox.allowedOrigins, origin)) throw new CloseError(CloseCode.policy, "origin not allowed for this inbox");
        conn = new Connection(socket, "visitor", claims.accountId, claims.visitorId, origin);
        gateway.addVisitor(conn);
        conn.send({ type: "ready", data: { visitorId: claims.visitorId } });
      },
      async onFrame(frame) {
        const c = conn!;
        if (frame.type === "ping") return c.send({ type: "pong", data: {} });
        if (frame.type === "resume") {
          c.beginReplay();
          const conversations = await visitorConversations(c.accountId, c.subject);
          const tenant = createTenantService(db, c.accountId);
          const missed = conversations.length
            ? await tenant.listMessagesAfter(frame.after, { conversationIds: conversations.map((x) => x.id), limit: 1000 })
            : [];
          c.endReplay(missed.map((m) => ({ frame: { type: "message.created", data: toVisitorMessage(m) }, messageId: m.id })));
          return;
        }
        if (frame.type === "typing") {
          const current = (await visitorConversations(c.accountId, c.subject)).find((x) => x.status !== "resolved");
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
