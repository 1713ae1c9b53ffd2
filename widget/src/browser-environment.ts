/** The real browser behind a session: fetch, WebSocket, localStorage, timers and window events. */
import type { VisitorContext } from "@hummdesk/shared";
import type { StorageLike } from "./persistence.ts";
import type { SessionEnvironment } from "./session.ts";
import type { SocketLike } from "./visitor-socket.ts";

/** The page the visitor is on, read at each send (a single-page app changes URL and title). */
function visitorContext(): VisitorContext {
  const now = new Date();
  const offset = -now.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return {
    pageUrl: location.href.slice(0, 2048),
    pageTitle: document.title.slice(0, 512),
    referrer: document.referrer.slice(0, 2048) || undefined,
    userAgent: navigator.userAgent.slice(0, 512),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    localTime: `${local}${offset < 0 ? "-" : "+"}${pad(offset / 60)}:${pad(offset % 60)}`,
    locale: navigator.language,
  };
}

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
    visitorContext,
    listen(type, listener) {
      addEventListener(type, listener);
      return () => removeEventListener(type, listener);
    },
  };
}
