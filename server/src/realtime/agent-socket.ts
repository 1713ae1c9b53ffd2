/** GET /api/v1/ws: an agent's socket for one account. Auth (access token, account) in the first
 * frame; it carries only that account's events; resume replays missed messages in order. */
import { CloseCode } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { AgentGuard } from "../agents/agent-auth.ts";
import type { Presence } from "../agents/presence.ts";
import { userAccounts } from "../tenant/system.ts";
import type { Database } from "../db/client.ts";
import { HttpError } from "../http/http-error.ts";
import { Connection } from "./connection.ts";
import type { Gateway } from "./gateway.ts";
import type { RealtimeHub } from "./hub.ts";
import { CloseError, runSocketSession } from "./socket-session.ts";

export async function agentSocketRoute(app: FastifyInstance, options: { db: Database; guard: AgentGuard; gateway: Gateway; hub: RealtimeHub; presence?: Presence }) {
  const { db, guard, gateway, hub, presence } = options;

  app.get("/api/v1/ws", { websocket: true }, (socket, request) => {
    let conn: Connection | null = null;
    let agentName: string | null = null;

    runSocketSession(socket, {
      async authenticate(frame) {
        const claims = await guard.verifyAccessToken(frame.token).catch((error: unknown) => {
          const expired = error instanceof HttpError && error.code === "token_expired";
          throw new CloseError(expired ? CloseCode.unauthorized : CloseCode.policy, expired ? "access token expired" : "invalid access token");
        });
        const accountId = frame.accountId ?? (await userAccounts(db, claims.userId))[0]?.accountId;
        const member = accountId ? await guard.membership(claims.userId, accountId) : null;
        if (!member) throw new CloseError(CloseCode.policy, "not a member of that account");
        agentName = (await member.tenant.listAgents()).find((a) => a.userId === claims.userId)?.name ?? null;
        conn = new Connection(socket, "agent", member.accountId, String(claims.userId), request.headers.origin);
        gateway.addAgent(conn);
        if (presence) {
          // The agent is present (routable) while this socket is open, and a grace period after.
          const { accountId: presentIn } = member;
          const arrived = presence.connected(presentIn, claims.userId);
          const leave = () => void presence.disconnected(presentIn, claims.userId).catch((error: unknown) => request.log.warn({ err: error as Error }, "presence update failed"));
          if (socket.readyState >= socket.CLOSING) leave();
          else socket.once("close", leave);
          await arrived.catch((error: unknown) => request.log.warn({ err: error as Error }, "presence update failed"));
        }
        conn.send({ type: "ready", data: { accountId: member.accountId, userId: claims.userId } });
      },
      async onFrame(frame) {
        const c = conn!;
        const tenant = (await guard.membership(Number(c.subject), c.accountId))?.tenant;
        if (!tenant) throw new CloseError(CloseCode.policy, "membership ended");
        if (frame.type === "ping") return c.send({ type: "pong", data: {} });
        if (frame.type === "resume") {
          c.beginReplay();
          const missed = await tenant.listMessagesAfter(frame.after, { includePrivate: true, limit: 1000 });
          c.endReplay(missed.map((m) => ({ frame: { type: "message.created", data: m }, messageId: m.id })));
          return;
        }
        if (frame.type === "typing" && frame.conversationId) {
          const found = await tenant.transaction(async (t) => {
            const conversation = await t.getConversation(frame.conversationId!);
            const contact = conversation ? await t.getContactVisitor(conversation.contactId) : null;
            return conversation ? { conversation, visitorId: contact } : null;
          });
          if (!found) return c.error("not_found", `conversation ${frame.conversationId} not found`);
          await hub.publish({
            kind: "typing",
            accountId: c.accountId,
            conversationId: found.conversation.id,
            visitorId: found.visitorId,
            senderType: "agent",
            senderName: agentName,
            on: frame.on,
            origin: c.id,
          });
        }
      },
      onError(error) {
        request.log.warn({ err: error as Error }, "agent socket failed");
      },
    });
  });
}
