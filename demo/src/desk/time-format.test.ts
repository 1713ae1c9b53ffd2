import { describe, expect, it } from "vitest";
import { formatAge } from "./time-format.ts";

describe("formatAge", () => {
  const now = Date.parse("2025-03-01T12:00:00.000Z");
  it.each([
    ["2025-03-01T11:59:30.000Z", "now"],
    ["2025-03-01T11:56:00.000Z", "4 min"],
    ["2025-03-01T09:00:00.000Z", "3 h"],
    ["2025-02-27T11:00:00.000Z", "2 d"],
    ["garbage", ""],
  ])("%s -> %s", (iso, expected) => {
    expect(formatAge(iso, now)).toBe(expected);
  });
});
