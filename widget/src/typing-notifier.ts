/** Turns keystrokes into throttled `typing` frames: on at most every few seconds, off after a pause or a send. */
import type { Timers } from "./visitor-socket.ts";

export interface TypingNotifier {
  /** The visitor typed (true) or sent / cleared the message (false). */
  typed(active: boolean): void;
  stop(): void;
}

export function createTypingNotifier(options: {
  send: (on: boolean) => void;
  timers: Timers;
  now: () => number;
  repeatMs?: number;
  idleMs?: number;
}): TypingNotifier {
  const repeatMs = options.repeatMs ?? 3000;
  const idleMs = options.idleMs ?? 4000;
  let on = false;
  let sentAt = 0;
  let idleTimer: unknown = null;

  function clearIdle(): void {
    if (idleTimer !== null) options.timers.clearTimeout(idleTimer);
    idleTimer = null;
  }

  function off(): void {
    clearIdle();
    if (!on) return;
    on = false;
    options.send(false);
  }

  return {
    typed(active) {
      if (!active) return off();
      // Repeating "on" now and then lets the agent side expire a lost "off" on its own.
      if (!on || options.now() - sentAt >= repeatMs) {
        on = true;
        sentAt = options.now();
        options.send(true);
      }
      clearIdle();
      idleTimer = options.timers.setTimeout(off, idleMs);
    },
    stop: clearIdle,
  };
}
