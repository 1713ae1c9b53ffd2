import { describe, expect, it } from "vitest";
import { formatDuration, slaState } from "./sla.ts";

const now = Date.parse("2025-01-01T12:00:00.000Z");

describe("slaState", () => {
  it.each([
    ["2025-01-01T12:10:00.000Z", { overdue: false, soon: false, label: "Reply due in 10m 00s" }],
    ["2025-01-01T12:04:30.000Z", { overdue: false, soon: true, label: "Reply due in 4m 30s" }],
    ["2025-01-01T11:58:55.000Z", { overdue: true, soon: false, label: "Overdue by 1m 05s" }],
    ["2025-01-01T14:30:00.000Z", { overdue: false, soon: false, label: "Reply due in 2h 30m" }],
  ])("due %s", (due, expected) => {
    expect(slaState(due, now)).toEqual(expected);
  });

  it("has nothing to show without a due time", () => {
    expect(slaState(null, now)).toBeNull();
    expect(slaState("not a date", now)).toBeNull();
  });

  it("formats long waits in days", () => {
    expect(formatDuration(26 * 3600_000)).toBe("1d 2h");
    expect(formatDuration(-9000)).toBe("9s");
  });
});
