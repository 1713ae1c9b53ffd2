/** GET /api/v1/ws: an agent's socket for one account. Auth (access token, account) in the first
 * frame; it carries only that account's events; resume replays missed messages in order. It
 * closes with 4401 when the access token expires, and (through hub events) at once when the
 * session is revoked (logout, refresh-token reuse) or the membership ends. */
import { CloseCode } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import { decodeJwt } from "jose";
import type { AgentGuard } from "../agents/agent-auth.ts";
import type { Presence } from "../agents/presence.ts";
import type { Database } from "../db/client.ts";
import { HttpError } from "../http/http-error.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { userAccounts } from "../tenant/system.ts";
import { Connection } from "./connection.ts";
import type { Gateway } from "./gateway.ts";
import type { RealtimeHub } from "./hub.ts";
import { publishAfterCommit } from "./publish.ts";
import { releaseUpgradeRequest } from "./release-upgrade.ts";
import { replayMissed } from "./replay-missed.ts";
import type { RealtimeLimits } from "./realtime-limits.ts";
import { CloseError, runSocketSession } from "./socket-session.ts";

/** Replays the account's messages after `after` (private notes included), page after page, then
 * (after a lost LISTEN connection) the account's conversations changed since then. */
function replayAgent(db: Database, gateway: Gateway) {
  return async (conn: Connection, after: number, changedSince?: string) => {
    const tenant = createTenantService(db, conn.accountId);
    await replayMissed(
      conn,
      after,
      (cursor, limit) => tenant.listMessagesAfter(cursor, { includePrivate: true, limit }),
      (m) => ({ type: "message.created", data: m }),
    );
    gateway.sendStreamsInProgress(conn, "all");
    if (changedSince === undefined) return;
    for (const conversation of await tenant.conversationsChangedSince(changedSince)) conn.send({ type: "conversation.updated", data: conversation });
  };
}

/** Closes the socket when its access token expires (the desk refreshes and reconnects). */
function closeAtExpiry(conn: Connection, token: string) {
  const exp = decodeJwt(token).exp;
  if (!exp) return;
  const timer = setTimeout(() => conn.close(CloseCode.unauthorized, "access token expired: refresh it and reconnect"), Math.max(0, exp * 1000 - Date.now()));
  timer.unref();
  conn.socket.once("close", () => clearTimeout(timer));
}

export async function agentSocketRoute(
  app: FastifyInstance,
  options: { db: Database; guard: AgentGuard; gateway: Gateway; hub: RealtimeHub; limits: RealtimeLimits; presence?: Presence },
) {
  const { db, guard, gateway, hub, limits, presence } = options;
  const replay = replayAgent(db, gateway);
  const log = app.log;

  app.get("/api/v1/ws", { websocket: true }, (socket, request) => {
    const ip = request.ip;
    releaseUpgradeRequest(socket, request);
    if (!limits.holdIp(socket, ip)) return;
    let conn: Connection | null = null;
    let agentName: string | null = null;

    runSocketSession(socket, limits.session, {
      async authenticate(frame) {
        const claims = await guard.verifyAccessToken(frame.token).catch((error: unknown) => {
          const expired = error instanceof HttpError && error.code === "token_expired";
          throw new CloseError(expired ? CloseCode.unauthorized : CloseCode.policy, expired ? "access token expired" : "invalid access token");
        });
        const accountId = frame.accountId ?? (await userAccounts(db, claims.userId))[0]?.accountId;
        const member = accountId ? await guard.membership(claims.userId, accountId) : null;
        if (!member) throw new CloseError(CloseCode.policy, "not a member of that account");
        agentName = (await member.tenant.listAgents()).find((a) => a.userId === claims.userId)?.name ?? null;
        if (socket.readyState !== socket.OPEN) return;
        conn = new Connection(socket, "agent", member.accountId, String(claims.userId), null, replay);
        conn.sessionFamily = claims.sessionFamily;
        closeAtExpiry(conn, frame.token);
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
        if (frame.type === "ping") return c.send({ type: "pong", data: {} });
        const tenant = (await guard.membership(Number(c.subject), c.accountId))?.tenant;
        if (!tenant) throw new CloseError(CloseCode.unauthorized, "membership of this account ended");
        if (frame.type === "resume") {
          c.resumedAfter(frame.after);
          await replay(c, frame.after);
          return;
        }
        if (frame.type === "typing" && frame.conversationId) {
          const found = await tenant.transaction(async (t) => {
            const conversation = await t.getConversation(frame.conversationId!);
            const contact = conversation ? await t.getContactVisitor(conversation.contactId) : null;
            return conversation ? { conversation, visitorId: contact } : null;
          });
          if (!found) return c.error("not_found", `conversation ${frame.conversationId} not found`);
          publishAfterCommit(hub, [{
            kind: "typing",
            accountId: c.accountId,
            inboxId: found.conversation.inboxId,
            conversationId: found.conversation.id,
            visitorId: found.visitorId,
            senderType: "agent",
            senderName: agentName,
            on: frame.on,
            origin: c.id,
          }]);
        }
      },
      onError(error) {
        log.warn({ err: error as Error }, "agent socket failed");
      },
      onClose() {
        limits.releaseIp(ip);
        if (conn) gateway.remove(conn);
      },
    });
  });
}
