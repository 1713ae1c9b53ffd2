import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./backoff.ts";

describe("reconnectDelay", () => {
  it("doubles the ceiling per attempt and jitters within its upper half", () => {
    expect(reconnectDelay(0, {}, () => 0)).toBe(250);
    expect(reconnectDelay(0, {}, () => 1)).toBe(500);
    expect(reconnectDelay(3, {}, () => 0)).toBe(2000);
    expect(reconnectDelay(3, {}, () => 1)).toBe(4000);
  });

  it("never exceeds the maximum, however many attempts failed", () => {
    for (const attempt of [10, 50, 1000]) {
      expect(reconnectDelay(attempt, { maxMs: 30_000 }, () => 1)).toBe(30_000);
      expect(reconnectDelay(attempt, { maxMs: 30_000 }, () => 0)).toBe(15_000);
    }
  });
});
