import { expect, test } from "vitest";
import { isWithinBusinessHours } from "./business-hours.ts";

const hours = { timezone: "Europe/Helsinki", days: { "1": { open: "07:00", close: "21:00" }, "6": { open: "09:00", close: "18:00" } } };

test.each([
  ["Monday 10:00 Helsinki (08:00Z)", "2026-11-23T08:00:00Z", true],
  ["Monday 06:59 Helsinki", "2026-11-23T04:59:00Z", false],
  ["Monday 21:00 Helsinki is closed", "2026-11-23T19:00:00Z", false],
  ["Saturday 17:59 Helsinki", "2026-11-28T15:59:00Z", true],
  ["Sunday is not listed: closed", "2026-11-29T10:00:00Z", false],
])("%s", (_name, at, open) => {
  expect(isWithinBusinessHours(hours, new Date(at))).toBe(open);
});

test("no business hours means always open; an unknown zone never hides the team", () => {
  expect(isWithinBusinessHours(null)).toBe(true);
  expect(isWithinBusinessHours({ timezone: "Mars/Olympus", days: {} })).toBe(true);
});
