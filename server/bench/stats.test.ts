import { describe, expect, it } from "vitest";
import { gaps, median, percentile, stdDev, summarize } from "./stats.ts";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles, so p99 of 100 samples is the 99th smallest", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7, 3, 5, 9, 1], 95)).toBe(9);
  });

  it("averages the middle pair for the median of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it("reports NaN rather than a made-up figure for no samples", () => {
    expect(summarize([]).p50).toBeNaN();
    expect(percentile([], 99)).toBeNaN();
  });

  it("computes gaps and the population standard deviation", () => {
    expect(gaps([10, 30, 60])).toEqual([20, 30]);
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });
});
