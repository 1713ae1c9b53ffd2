/** The widget's localStorage, namespaced by website token; without usable storage nothing outlives the page. */

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type PersistedName = "token" | "outbox" | "seen" | "email" | "open" | "config";

export interface Persistence {
  /** The full localStorage key, to recognise `storage` events from other tabs. */
  key(name: PersistedName): string;
  read<T>(name: PersistedName): T | null;
  /** Writes only when the stored text changes, so two tabs never echo each other. */
  write(name: PersistedName, value: unknown): void;
  remove(name: PersistedName): void;
  /** Parses a raw value from a `storage` event. */
  parse<T>(raw: string | null): T | null;
}

export function createPersistence(storage: StorageLike | null, websiteToken: string): Persistence {
  const key = (name: PersistedName) => `hummdesk:${websiteToken}:${name}`;

  function parse<T>(raw: string | null | undefined): T | null {
    try {
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  }

  /** Storage can throw (blocked, quota exceeded): the state in memory carries this page view anyway. */
  function attempt<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch {
      return undefined;
    }
  }

  return {
    key,
    parse,
    read: (name) => parse(attempt(() => storage?.getItem(key(name)))),
    write(name, value) {
      const raw = JSON.stringify(value);
      attempt(() => storage?.getItem(key(name)) !== raw && storage?.setItem(key(name), raw));
    },
    remove: (name) => attempt(() => storage?.removeItem(key(name))),
  };
}
