/** The real browser behind a session: fetch, WebSocket, localStorage, timers and window events. */
import type { StorageLike } from "./persistence.ts";
import type { SessionEnvironment } from "./session.ts";
import type { SocketLike } from "./visitor-socket.ts";

export function browserEnvironment(): SessionEnvironment {
  let storage: StorageLike | null = null;
  try {
    storage = localStorage;
  } catch {
    // Storage blocked (sandboxed iframe, privacy settings): the widget keeps its state in memory.
  }
  return {
    fetch: fetch.bind(window),
    // The browser's WebSocket has every member SocketLike names; only its event types are richer.
    openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    storage,
    timers: window,
    random: Math.random,
    now: Date.now,
    pageUrl: location.href,
    networkOnline: () => navigator.onLine,
    listen(type, listener) {
      addEventListener(type, listener);
      return () => removeEventListener(type, listener);
    },
  };
}
