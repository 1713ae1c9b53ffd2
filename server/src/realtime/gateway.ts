/** The node's websocket gateway: keeps this process's agent and visitor connections and turns
 * hub events into frames, loading each row once per event (visitors never see private notes). */
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/client.ts";
import { toVisitorConversation, toVisitorMessage } from "../inbox/visitor-service.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import type { Connection } from "./connection.ts";
import type { HubEvent, RealtimeHub } from "./hub.ts";

export const HEARTBEAT_MS = 30_000;

export function createGateway(options: { db: Database; hub: RealtimeHub; log: FastifyBaseLogger; heartbeatMs?: number }) {
  const { db, hub, log } = options;
  const agents = new Map<number, Set<Connection>>();
  const visitors = new Map<string, Set<Connection>>();
  const visitorKey = (accountId: number, visitorId: string) => `${accountId}:${visitorId}`;

  const add = (map: Map<string | number, Set<Connection>>, key: string | number, conn: Connection) => {
    const set = map.get(key) ?? new Set<Connection>();
    map.set(key, set);
    set.add(conn);
  };
  const remove = (map: Map<string | number, Set<Connection>>, key: string | number, conn: Connection) => {
    const set = map.get(key);
    set?.delete(conn);
    if (set?.size === 0) map.delete(key);
  };

  /** Loads what an event needs (concurrently with other events) and returns the sending step. */
  async function prepare(event: HubEvent): Promise<() => void> {
    const agentConns = [...(agents.get(event.accountId) ?? [])];
    const visitorConns = event.visitorId ? [...(visitors.get(visitorKey(event.accountId, event.visitorId)) ?? [])] : [];
    if (agentConns.length === 0 && visitorConns.length === 0) return () => {};
    const tenant = createTenantService(db, event.accountId);
    switch (event.kind) {
      case "message.created":
      case "message.updated": {
        const message = await tenant.getMessage(event.messageId);
        if (!message) return () => {};
        return () => {
          for (const c of agentConns) c.send({ type: event.kind, data: message }, { messageId: message.id });
          if (message.private) return;
          const visible = toVisitorMessage(message);
          for (const c of visitorConns) c.send({ type: event.kind, data: visible }, { messageId: message.id });
        };
      }
      case "conversation.updated": {
        const conversation = await tenant.getConversation(event.conversationId);
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
        const draft = await tenant.getDraft(event.draftId);
        if (!draft) return () => {};
        const data = {
          draftId: draft.id,
          conversationId: draft.conversationId,
          ...(event.messageId ? { messageId: event.messageId } : {}),
          citations: draft.citations,
          content: draft.content,
        };
        return () => {
          for (const c of agentConns) c.send({ type: event.kind, data });
          if (event.visitor) for (const c of visitorConns) c.send({ type: event.kind, data });
        };
      }
    }
  }

  // Rows load concurrently (one query per event, started at once); frames still go out one
  // event after another, in the hub's (commit) order.
  let chain = Promise.resolve();
  const unsubscribe = hub.subscribe((event) => {
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
    addAgent(conn: Connection) {
      add(agents, conn.accountId, conn);
      conn.socket.on("pong", () => (conn.alive = true));
      conn.socket.once("close", () => remove(agents, conn.accountId, conn));
    },
    addVisitor(conn: Connection) {
      const key = visitorKey(conn.accountId, conn.subject);
      add(visitors, key, conn);
      conn.socket.on("pong", () => (conn.alive = true));
      conn.socket.once("close", () => remove(visitors, key, conn));
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
