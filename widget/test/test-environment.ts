/** What a browser gives the session, built from Node parts: real fetch, real `ws` sockets, shared storage, window events. */
import { WebSocket } from "ws";
import type { StorageLike } from "../src/persistence.ts";
import type { SessionEnvironment } from "../src/session.ts";
import type { SocketLike } from "../src/visitor-socket.ts";

/**
 * A `ws` client in the browser's shape. Unlike a browser, `ws` throws an "error" event nobody listens to
 * (closing while still connecting), so one listener takes it; the close event that follows still arrives.
 */
export function openNodeSocket(url: string): SocketLike {
  const socket = new WebSocket(url);
  socket.on("error", () => undefined);
  return socket as unknown as SocketLike;
}

/** One browser profile: localStorage shared by its tabs, which hear each other's writes as `storage` events. */
export class Browser {
  readonly data = new Map<string, string>();
  private readonly tabs = new Set<Tab>();
  /** Set to true to make every storage call throw, like Safari with storage blocked. */
  blocked = false;

  openTab(baseUrl: string): Tab {
    const tab = new Tab(this, baseUrl);
    this.tabs.add(tab);
    return tab;
  }

  closeTab(tab: Tab): void {
    this.tabs.delete(tab);
  }

  write(from: Tab, key: string, newValue: string | null): void {
    if (this.blocked) throw new Error("storage blocked");
    if (newValue === null) this.data.delete(key);
    else this.data.set(key, newValue);
    for (const tab of this.tabs) if (tab !== from) tab.emit("storage", Object.assign(new Event("storage"), { key, newValue }));
  }
}

export class Tab {
  private readonly listeners = new Map<string, Set<(event: Event) => void>>();
  readonly storage: StorageLike;

  constructor(
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {
    this.storage = {
      getItem: (key) => {
        if (browser.blocked) throw new Error("storage blocked");
        return browser.data.get(key) ?? null;
      },
      setItem: (key, value) => browser.write(this, key, value),
      removeItem: (key) => browser.write(this, key, null),
    };
  }

  emit(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  environment(overrides: Partial<SessionEnvironment> = {}): SessionEnvironment {
    return {
      fetch: (url, init) => fetch(url, init),
      openSocket: openNodeSocket,
      storage: this.storage,
      timers: globalThis,
      random: Math.random,
      now: Date.now,
      pageUrl: `${this.baseUrl}/shop/`,
      listen: (type, listener) => {
        const set = this.listeners.get(type) ?? new Set();
        set.add(listener);
        this.listeners.set(type, set);
        return () => set.delete(listener);
      },
      retryBaseMs: 10,
      ...overrides,
    };
  }
}

/** Waits until `check` stops throwing (an assertion) or the time runs out, then throws its last error. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
