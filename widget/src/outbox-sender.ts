/** Sends the outbox in order, one message at a time, retrying with the same clientMessageId until acknowledged. */
import type { SendMessageResponse } from "@hummdesk/shared";
import { isRetryable } from "./api-client.ts";
import { type BackoffPolicy, backoffDelay } from "./backoff.ts";
import type { OutboxEntry } from "./state.ts";
import type { Timers } from "./visitor-socket.ts";

/** After this many failed tries the bubble says "not sent" (with a retry button) while retries go on. */
const ATTEMPTS_BEFORE_FAILED = 3;

export interface OutboxSenderOptions {
  outbox: () => OutboxEntry[];
  send: (entry: OutboxEntry) => Promise<SendMessageResponse>;
  onAcknowledged: (entry: OutboxEntry, response: SendMessageResponse) => void;
  onDelivery: (entry: OutboxEntry, delivery: OutboxEntry["delivery"], refused: boolean) => void;
  timers: Timers;
  random: () => number;
  retry?: BackoffPolicy;
}

export interface OutboxSender {
  /** Sends now: after a new message, a retry click, or the browser coming back online. */
  flush(): void;
  stop(): void;
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { timers } = options;
  const retry = options.retry ?? { baseMs: 1000, maxMs: 60_000 };
  let sending = false;
  let again = false;
  let stopped = false;
  let attempt = 0;
  let timer: unknown;

  async function run(): Promise<void> {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    timers.clearTimeout(timer);
    for (let entry = next(); entry && !stopped; entry = next()) {
      try {
        const response = await options.send(entry);
        attempt = 0;
        if (!stopped) options.onAcknowledged(entry, response);
      } catch (error) {
        if (!isRetryable(error)) {
          options.onDelivery(entry, "failed", true);
          continue;
        }
        if (++attempt >= ATTEMPTS_BEFORE_FAILED) options.onDelivery(entry, "failed", false);
        // Later messages wait behind this one, so the conversation keeps the order they were written in.
        timer = timers.setTimeout(run, backoffDelay(attempt - 1, retry, options.random));
        break;
      }
    }
    sending = false;
    // A flush during a send (a retry click, a new message) goes again at once rather than waiting out a backoff.
    if (again && !stopped) {
      again = false;
      void run();
    }
  }

  function next(): OutboxEntry | undefined {
    return options.outbox().find((entry) => !entry.refused);
  }

  return {
    flush: () => void run(),
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
    },
  };
}
