import { afterEach, expect, test, vi } from "vitest";
import { createTtlCache } from "./ttl-cache.ts";

afterEach(() => {
  vi.useRealTimers();
});

test("an entry lives for the TTL, or until its own expiry when that is sooner", () => {
  vi.useFakeTimers();
  const cache = createTtlCache<string, number>(5_000, 10);
  cache.set("a", 1);
  cache.set("b", 2, Date.now() + 1_000);
  vi.advanceTimersByTime(1_500);
  expect(cache.get("a")).toBe(1);
  expect(cache.get("b")).toBeUndefined();
  vi.advanceTimersByTime(4_000);
  expect(cache.get("a")).toBeUndefined();
});

test("holds at most maxEntries (the oldest goes); deleteWhere invalidates by value", () => {
  const cache = createTtlCache<number, { inboxId: number }>(5_000, 3);
  for (let i = 1; i <= 4; i++) cache.set(i, { inboxId: i % 2 });
  expect(cache.size).toBe(3);
  expect(cache.get(1)).toBeUndefined();
  cache.deleteWhere((v) => v.inboxId === 0);
  expect([cache.get(2), cache.get(3), cache.get(4)]).toEqual([undefined, { inboxId: 1 }, undefined]);
});
