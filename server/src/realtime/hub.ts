/** The realtime hub: one publish, one subscribe. Events carry their rows (a message, a
 * conversation), so a node with sockets loads nothing per event; a row too large for one NOTIFY
 * payload travels by id and the receiving node loads it (see `fitEvent`). */
import { EventEmitter } from "node:events";
import type { PGlite } from "@electric-sql/pglite";
import type { Citation, Conversation, Message } from "@hummdesk/shared";

interface Scope {
  accountId: number;
  /** The conversation's inbox: a visitor socket only receives its token's inbox. */
  inboxId: number;
  conversationId: number;
  /** The visitor whose conversation it is (null for contacts from other channels). */
  visitorId: string | null;
}

/** Conversation events: everything a socket shows. */
export type ConversationEvent = Scope &
  (
    | { kind: "message.created" | "message.updated"; messageId: number; private: boolean; message?: Message }
    | { kind: "conversation.updated"; conversation?: Conversation }
    | { kind: "typing"; senderType: "contact" | "agent"; senderName: string | null; on: boolean; origin: string }
    | { kind: "ai.answer.delta"; draftId: number; index: number; text: string; visitor: boolean }
    | {
        kind: "ai.answer.completed";
        draftId: number;
        messageId?: number;
        visitor: boolean;
        draft?: { content: string; citations: Citation[] };
      }
  );

/** Access events: open agent sockets of that session or membership are closed at once. */
export type AccessEvent =
  | { kind: "session.revoked"; userId: number; sessionFamily: string }
  | { kind: "membership.ended"; accountId: number; userId: number };

export type HubEvent = ConversationEvent | AccessEvent;

/** What a subscriber hears: events, and `resync` after the hub may have missed some (the LISTEN
 * connection was lost and is back), so sockets must catch up from the database: messages after
 * their last id, and conversations changed `since` (an ISO time safely before the gap began). */
export type HubSignal = { kind: "resync"; since: string };

export interface RealtimeHub {
  /** Queues events for the next batch (one per tick); the promise settles once that batch is
   * out. Callers on a request path do not await it (`publishAfterCommit`). */
  publish(events: HubEvent | readonly HubEvent[]): Promise<void>;
  subscribe(listener: (event: HubEvent | HubSignal) => void): () => void;
  close(): Promise<void>;
}

/** Batches whatever is published in one tick and hands each batch to `send`, in order. */
export function createBatcher(send: (events: HubEvent[]) => Promise<void>) {
  let queued: HubEvent[] = [];
  let next: Promise<void> | null = null;
  let previous = Promise.resolve();
  return {
    add(events: HubEvent | readonly HubEvent[]): Promise<void> {
      if (Array.isArray(events)) queued.push(...(events as HubEvent[]));
      else queued.push(events as HubEvent);
      next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        const batch = queued;
        queued = [];
        next = null;
        // Batches go out one after another, so events keep the order they were published in.
        const sent = previous.then(() => send(batch));
        previous = sent.catch(() => {});
        return sent;
      });
      return next;
    },
    /** Waits for everything queued so far. */
    async flushed(): Promise<void> {
      await next?.catch(() => {});
      await previous;
    },
  };
}

export const HUB_CHANNEL = "hummdesk_events";

/** One process: events go straight to this process's listeners, one batch per tick. With PGlite it
 * also hears the database's own notifications (a membership removed by a trigger). */
export function createInProcessHub(options: { pglite?: PGlite } = {}): RealtimeHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const batcher = createBatcher(async (batch) => {
    for (const event of batch) emitter.emit("event", event);
  });
  const listening = options.pglite?.listen(HUB_CHANNEL, (payload) => {
    try {
      for (const event of JSON.parse(payload) as HubEvent[]) emitter.emit("event", event);
    } catch {
      // not ours
    }
  });
  listening?.catch(() => {});
  return {
    publish: (events) => batcher.add(events),
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async close() {
      await batcher.flushed();
      emitter.removeAllListeners();
      const unlisten = await listening?.catch(() => null);
      await unlisten?.().catch(() => {});
    },
  };
}
