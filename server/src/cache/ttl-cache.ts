/** A small in-process cache whose entries expire after a short time: it bounds how stale a value
 * may be (other processes cannot invalidate it) and how many entries it holds (oldest go first). */
export interface TtlCache<K, V> {
  get(key: K): V | undefined;
  /** Stores a value until `ttlMs` from now, or until `expiresAt` (ms) when that is sooner. */
  set(key: K, value: V, expiresAt?: number): void;
  delete(key: K): void;
  /** Removes every entry whose value matches (invalidation by something other than the key). */
  deleteWhere(match: (value: V) => boolean): void;
  clear(): void;
  readonly size: number;
}

export function createTtlCache<K, V>(ttlMs: number, maxEntries: number): TtlCache<K, V> {
  const entries = new Map<K, { value: V; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, expiresAt) {
      if (ttlMs <= 0) return;
      entries.delete(key);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { value, expiresAt: Math.min(Date.now() + ttlMs, expiresAt ?? Number.POSITIVE_INFINITY) });
    },
    delete(key) {
      entries.delete(key);
    },
    deleteWhere(match) {
      for (const [key, entry] of entries) if (match(entry.value)) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
