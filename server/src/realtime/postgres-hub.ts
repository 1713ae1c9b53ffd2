/** The hub across processes: PostgreSQL LISTEN/NOTIFY on one channel, so any node can serve any
 * socket. Payloads are ids and small deltas (PostgreSQL caps a payload at 8000 bytes). */
import type postgres from "postgres";
import type { HubEvent, RealtimeHub } from "./hub.ts";

export const HUB_CHANNEL = "hummdesk_events";
const MAX_PAYLOAD = 7900;

export async function createPostgresHub(sql: postgres.Sql): Promise<RealtimeHub> {
  const listeners = new Set<(event: HubEvent) => void>();
  const subscription = await sql.listen(HUB_CHANNEL, (payload) => {
    let event: HubEvent;
    try {
      event = JSON.parse(payload) as HubEvent;
    } catch {
      return;
    }
    for (const listener of listeners) listener(event);
  });
  return {
    async publish(event) {
      const payload = JSON.stringify(event);
      // Publishers batch AI deltas well below this; anything larger is a bug, not a truncation.
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`hub event ${event.kind} is over ${MAX_PAYLOAD} bytes`);
      await sql.notify(HUB_CHANNEL, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await subscription.unlisten().catch(() => {});
    },
  };
}
