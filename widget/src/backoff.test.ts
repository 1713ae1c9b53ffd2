import { expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";

const policy = { baseMs: 1000, maxMs: 30_000 };

it("doubles the ceiling per attempt, with half of it random, up to the maximum", () => {
  expect(backoffDelay(0, policy, () => 0)).toBe(500);
  expect(backoffDelay(0, policy, () => 1)).toBe(1000);
  expect(backoffDelay(3, policy, () => 0)).toBe(4000);
  expect(backoffDelay(3, policy, () => 1)).toBe(8000);
  expect(backoffDelay(50, policy, () => 1)).toBe(30_000);
  expect(backoffDelay(50, policy, () => 0)).toBe(15_000);
});

it("spreads clients retrying at the same attempt", () => {
  const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, policy, Math.random)));
  expect(delays.size).toBeGreaterThan(10);
});
