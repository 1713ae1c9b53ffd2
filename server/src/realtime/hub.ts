/** The realtime hub: one publish, one subscribe. Events carry ids (and AI deltas their text), so
 * a PostgreSQL NOTIFY payload stays far below 8 kB; each node loads rows itself. */
import { EventEmitter } from "node:events";

interface Scope {
  accountId: number;
  conversationId: number;
  /** The visitor whose conversation it is (null for contacts from other channels). */
  visitorId: string | null;
}

export type HubEvent = Scope &
  (
    | { kind: "message.created" | "message.updated"; messageId: number; private: boolean }
    | { kind: "conversation.updated" }
    | { kind: "typing"; senderType: "contact" | "agent"; senderName: string | null; on: boolean; origin: string }
    | { kind: "ai.answer.delta"; draftId: number; index: number; text: string; visitor: boolean }
    | { kind: "ai.answer.completed"; draftId: number; messageId?: number; visitor: boolean }
  );

export interface RealtimeHub {
  publish(event: HubEvent): Promise<void>;
  subscribe(listener: (event: HubEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: events go straight to this process's listeners. */
export function createInProcessHub(): RealtimeHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit("event", event);
    },
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
