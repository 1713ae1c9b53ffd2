/** Packs a batch of hub events into as few NOTIFY payloads as fit under PostgreSQL's 8000-byte
 * cap; an event whose rows do not fit travels by id (the receiving node loads the row). */
import type { HubEvent } from "./hub.ts";

export const MAX_PAYLOAD_BYTES = 7900;

/** The event without its rows: ids only. */
export function withoutRows(event: HubEvent): HubEvent {
  if ("message" in event || "conversation" in event || "draft" in event) {
    const { message: _m, conversation: _c, draft: _d, ...rest } = event as HubEvent & { message?: unknown; conversation?: unknown; draft?: unknown };
    return rest as HubEvent;
  }
  return event;
}

export function packPayloads(events: readonly HubEvent[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const event of events) {
    let json = JSON.stringify(event);
    if (Buffer.byteLength(json) + 2 > MAX_PAYLOAD_BYTES) json = JSON.stringify(withoutRows(event));
    const bytes = Buffer.byteLength(json);
    // Publishers batch AI deltas far below this; an event this large is a bug, not a truncation.
    if (bytes + 2 > MAX_PAYLOAD_BYTES) throw new Error(`hub event ${event.kind} is over ${MAX_PAYLOAD_BYTES} bytes even without its rows`);
    if (current.length > 0 && size + 1 + bytes > MAX_PAYLOAD_BYTES) {
      payloads.push(`[${current.join(",")}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) payloads.push(`[${current.join(",")}]`);
  return payloads;
}
