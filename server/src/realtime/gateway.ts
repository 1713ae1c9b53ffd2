/** The node's websocket gateway: keeps this process's agent and visitor connections and turns
 * hub events into frames. Events carry their rows, so delivering one costs no query (a row too
 * large for a NOTIFY arrives by id and is loaded once); visitors never see private notes. Access
 * events close agent sockets at once; `resync` replays what every socket may have missed. */
import type { FastifyBaseLogger } from "fastify";
import { sql } from "drizzle-orm";
import { CloseCode } from "@hummdesk/shared";
import { isSessionFamilyActive } from "../agents/auth-service.ts";
import { type Database, rowsOf } from "../db/client.ts";
import { toVisitorConversation, toVisitorMessage } from "../inbox/visitor-service.ts";
import { userAccounts } from "../tenant/system.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import type { Connection } from "./connection.ts";
import type { ConversationEvent, HubEvent, HubSignal, RealtimeHub } from "./hub.ts";

export const HEARTBEAT_MS = 30_000;
const STREAM_TTL_MS = 120_000;
const MAX_STREAMS = 5_000;
const MAX_STREAM_PARTS = 4_096;

export function createGateway(options: { db: Database; hub: RealtimeHub; log: FastifyBaseLogger; heartbeatMs?: number }) {
  const { db, hub, log } = options;
  const agents = new Map<number, Set<Connection>>();
  const visitors = new Map<string, Set<Connection>>();
  const visitorKey = (accountId: number, visitorId: string) => `${accountId}:${visitorId}`;
  /** The highest message id this node has seen: a new socket holds at least that much. */
  let highWater = 0;
  /** AI answers still streaming, with their parts so far: a socket that (re)connects mid-stream
   * (a reload) gets the text written until then, not an empty bubble. Every node hears every
   * delta, so each keeps them all; an answer leaves at its completion, or after STREAM_TTL_MS. */
  const streams = new Map<number, { accountId: number; conversationId: number; visitor: boolean; parts: string[]; at: number }>();
  const trackStream = (event: ConversationEvent) => {
    if (event.kind === "ai.answer.completed") return void streams.delete(event.draftId);
    if (event.kind !== "ai.answer.delta") return;
    const now = Date.now();
    let stream = streams.get(event.draftId);
    if (!stream) {
      for (const [id, old] of streams) if (now - old.at > STREAM_TTL_MS || streams.size >= MAX_STREAMS) streams.delete(id);
      stream = { accountId: event.accountId, conversationId: event.conversationId, visitor: event.visitor, parts: [], at: now };
      streams.set(event.draftId, stream);
    }
    if (event.index >= 0 && event.index < MAX_STREAM_PARTS) stream.parts[event.index] = event.text;
    stream.at = now;
  };

  const add = (map: Map<string | number, Set<Connection>>, key: string | number, conn: Connection) => {
    const set = map.get(key) ?? new Set<Connection>();
    map.set(key, set);
    set.add(conn);
    if (highWater > conn.lastMessageId) conn.lastMessageId = highWater;
  };
  const removeFrom = (map: Map<string | number, Set<Connection>>, key: string | number, conn: Connection) => {
    const set = map.get(key);
    set?.delete(conn);
    if (set?.size === 0) map.delete(key);
  };

  /** Returns the sending step of an event, loading a row only when it came without one. */
  async function prepare(event: ConversationEvent): Promise<() => void> {
    const agentConns = [...(agents.get(event.accountId) ?? [])];
    const visitorConns = event.visitorId ? [...(visitors.get(visitorKey(event.accountId, event.visitorId)) ?? [])].filter((c) => c.inboxId === event.inboxId) : [];
    if (agentConns.length === 0 && visitorConns.length === 0) return () => {};
    const tenant = () => createTenantService(db, event.accountId);
    switch (event.kind) {
      case "message.created":
      case "message.updated": {
        const message = event.message ?? (await tenant().getMessage(event.messageId));
        if (!message) return () => {};
        return () => {
          for (const c of agentConns) c.send({ type: event.kind, data: message }, { messageId: message.id });
          if (message.private) return;
          const visible = toVisitorMessage(message);
          for (const c of visitorConns) c.send({ type: event.kind, data: visible }, { messageId: message.id });
        };
      }
      case "conversation.updated": {
        const conversation = event.conversation ?? (await tenant().getConversation(event.conversationId));
        if (!conversation) return () => {};
        return () => {
          for (const c of agentConns) c.send({ type: event.kind, data: conversation });
          for (const c of visitorConns) c.send({ type: event.kind, data: toVisitorConversation(conversation) });
        };
      }
      case "typing": {
        const data = { conversationId: event.conversationId, senderType: event.senderType, senderName: event.senderName, on: event.on };
        const targets = event.senderType === "contact" ? agentConns : visitorConns;
        return () => {
          for (const c of targets) if (c.id !== event.origin) c.send({ type: "typing", data }, { droppable: true });
        };
      }
      case "ai.answer.delta": {
        const data = { draftId: event.draftId, conversationId: event.conversationId, index: event.index, text: event.text };
        return () => {
          for (const c of agentConns) c.send({ type: event.kind, data });
          if (event.visitor) for (const c of visitorConns) c.send({ type: event.kind, data });
        };
      }
      case "ai.answer.completed": {
        const draft = event.draft ?? (await tenant().getDraft(event.draftId));
        if (!draft) return () => {};
        const data = {
          draftId: event.draftId,
          conversationId: event.conversationId,
          ...(event.messageId ? { messageId: event.messageId } : {}),
          citations: draft.citations,
          content: draft.content,
        };
        return () => {
          for (const c of agentConns) c.send({ type: event.kind, data });
          if (event.visitor) for (const c of visitorConns) c.send({ type: event.kind, data });
        };
      }
      default:
        return () => {};
    }
  }

  /** Closes agent sockets whose session or membership has ended. */
  function revoke(event: Exclude<HubEvent, ConversationEvent>) {
    const sets = event.kind === "membership.ended" ? [agents.get(event.accountId)] : [...agents.values()];
    for (const set of sets) {
      for (const conn of set ?? []) {
        if (conn.subject !== String(event.userId)) continue;
        if (event.kind === "session.revoked" && conn.sessionFamily !== event.sessionFamily) continue;
        conn.close(CloseCode.unauthorized, event.kind === "session.revoked" ? "session ended: sign in again" : "membership of this account ended");
      }
    }
  }

  /** Whether an agent socket's session and membership outlived a gap (their events may be lost). */
  async function stillAllowed(conn: Connection): Promise<boolean> {
    const userId = Number(conn.subject);
    if (conn.sessionFamily) {
      if (!(await isSessionFamilyActive(db, conn.sessionFamily))) {
        conn.close(CloseCode.unauthorized, "session ended: sign in again");
        return false;
      }
    }
    if (!(await userAccounts(db, userId)).some((m) => m.accountId === conn.accountId)) {
      conn.close(CloseCode.unauthorized, "membership of this account ended");
      return false;
    }
    return true;
  }

  /** After the hub may have missed events: agent sockets whose session or membership ended in the
   * gap close; every other socket replays from the last message it holds and gets the
   * conversations changed since the gap began. */
  async function resync(since: string) {
    const all = [...agents.values(), ...visitors.values()].flatMap((set) => [...set]);
    await Promise.all(
      all.map((conn) =>
        (async () => {
          // Right after PostgreSQL came back a pooled connection may still be a dead one: one
          // more try before giving up on the socket.
          for (let attempt = 1; ; attempt++) {
            try {
              if (conn.kind === "agent" && !(await stillAllowed(conn))) return;
              await conn.replay(conn, conn.lastMessageId, since);
              return;
            } catch (error) {
              if (attempt >= 2 || !conn.open) throw error;
              await new Promise((resolve) => setTimeout(resolve, 250));
            }
          }
        })().catch((error: unknown) => {
          log.warn({ err: error as Error }, "replay after a lost LISTEN connection failed: closing the socket so it resumes");
          conn.close(1011, "missed events: reconnect and resume");
        }),
      ),
    );
  }

  const isConversationEvent = (event: HubEvent): event is ConversationEvent => "conversationId" in event;

  // Rows load only for oversized events; frames still go out one event after another, in the
  // hub's (commit) order.
  let chain = Promise.resolve();
  const unsubscribe = hub.subscribe((event: HubEvent | HubSignal) => {
    if (event.kind === "resync") {
      const since = event.since;
      chain = chain.then(() => resync(since));
      return;
    }
    if (!isConversationEvent(event)) {
      revoke(event);
      return;
    }
    if ((event.kind === "message.created" || event.kind === "message.updated") && event.messageId > highWater) highWater = event.messageId;
    trackStream(event);
    const ready = prepare(event);
    ready.catch(() => {});
    chain = chain
      .then(async () => (await ready)())
      .catch((error: unknown) => log.warn({ err: error as Error, kind: event.kind }, "realtime delivery failed"));
  });

  const heartbeat = setInterval(() => {
    for (const set of [...agents.values(), ...visitors.values()]) {
      for (const conn of set) {
        if (!conn.alive) {
          conn.socket.terminate();
          continue;
        }
        conn.alive = false;
        conn.socket.ping();
      }
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /** Reads the newest message id, so sockets opened before any event have a floor to replay from. */
    async start() {
      const rows = rowsOf<{ last: string | number | null }>(await db.execute(sql`select last_value as last from messages_id_seq`).catch(() => []));
      const last = Number(rows[0]?.last ?? 0);
      if (last > highWater) highWater = last;
    },
    addAgent(conn: Connection) {
      add(agents, conn.accountId, conn);
      conn.socket.on("pong", () => (conn.alive = true));
    },
    addVisitor(conn: Connection) {
      add(visitors, visitorKey(conn.accountId, conn.subject), conn);
      conn.socket.on("pong", () => (conn.alive = true));
    },
    /** Forgets a connection whose socket closed (its session's close handler calls this). */
    remove(conn: Connection) {
      if (conn.kind === "agent") removeFrom(agents, conn.accountId, conn);
      else removeFrom(visitors, visitorKey(conn.accountId, conn.subject), conn);
    },
    /** Sends the parts so far of the AI answers still streaming in these conversations (all of
     * the account's for an agent; a visitor only those meant for the visitor). */
    sendStreamsInProgress(conn: Connection, conversationIds: readonly number[] | "all") {
      for (const [draftId, stream] of streams) {
        if (stream.accountId !== conn.accountId) continue;
        if (conn.kind === "visitor" && !stream.visitor) continue;
        if (conversationIds !== "all" && !conversationIds.includes(stream.conversationId)) continue;
        stream.parts.forEach((text, index) => {
          if (text !== undefined) conn.send({ type: "ai.answer.delta", data: { draftId, conversationId: stream.conversationId, index, text } });
        });
      }
    },
    counts() {
      let agentCount = 0;
      let visitorCount = 0;
      for (const s of agents.values()) agentCount += s.size;
      for (const s of visitors.values()) visitorCount += s.size;
      return { agents: agentCount, visitors: visitorCount };
    },
    /** Waits until every event received so far has been delivered (tests, shutdown). */
    async drain() {
      await chain;
    },
    async close(reason = "server shutting down") {
      clearInterval(heartbeat);
      unsubscribe();
      for (const set of [...agents.values(), ...visitors.values()]) for (const conn of set) conn.socket.close(1001, reason);
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;
