import { describe, expect, it } from "vitest";
import { snoozeUntil } from "./snooze.ts";

describe("snooze times", () => {
  const wednesday = new Date(2026, 11, 2, 14, 30);
  it.each([
    ["1h", new Date(2026, 11, 2, 15, 30)],
    ["tomorrow", new Date(2026, 11, 3, 9, 0)],
    ["week", new Date(2026, 11, 7, 9, 0)],
  ])("%s", (choice, expected) => {
    expect(snoozeUntil(choice, wednesday).getTime()).toBe(expected.getTime());
  });

  it("next Monday from a Monday is a week later", () => {
    expect(snoozeUntil("week", new Date(2026, 11, 7, 8, 0)).getTime()).toBe(new Date(2026, 11, 14, 9, 0).getTime());
  });
});
