import { expect, test } from "vitest";
import { isWithinBusinessHours, nextOpening } from "./business-hours.ts";

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

test.each([
  ["Monday 06:00 Helsinki: opens 07:00 the same day", "2026-11-23T04:00:00Z", "2026-11-23T05:00:00.000Z"],
  ["Monday 21:30 Helsinki: opens Saturday 09:00", "2026-11-23T19:30:00Z", "2026-11-28T07:00:00.000Z"],
  ["Sunday noon Helsinki: opens Monday 07:00", "2026-11-29T10:00:00Z", "2026-11-30T05:00:00.000Z"],
  ["Saturday 08:00 in summer time (UTC+3): opens 09:00", "2026-06-27T05:00:00Z", "2026-06-27T06:00:00.000Z"],
])("next opening: %s", (_name, at, expected) => {
  expect(nextOpening(hours, new Date(at))?.toISOString()).toBe(expected);
});

test("no next opening while open, without hours, or without any open day", () => {
  expect(nextOpening(hours, new Date("2026-11-23T08:00:00Z"))).toBeNull();
  expect(nextOpening(null)).toBeNull();
  expect(nextOpening({ timezone: "Europe/Helsinki", days: {} })).toBeNull();
});
