import { expect, test } from "vitest";
import { firstReplyDueAt } from "./first-reply-due.ts";

const policies = [
  { priority: "urgent", firstResponseMinutes: 15 },
  { priority: "low", firstResponseMinutes: 480 },
] as const;

test.each([
  ["urgent", "2025-03-01T10:15:00.000Z"],
  ["low", "2025-03-01T18:00:00.000Z"],
  ["high", null],
] as const)("a conversation started at 10:00 with priority %s is due %s", (priority, expected) => {
  expect(firstReplyDueAt("2025-03-01T10:00:00.000Z", priority, policies)).toBe(expected);
});
