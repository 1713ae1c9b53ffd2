import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER, filterFromSearch, filterToQuery, filterToSearch, matchesFilter } from "./conversation-filter.ts";
import { conversation } from "./test-fixtures.ts";

const me = 7;

describe("matchesFilter", () => {
  it.each([
    [{ assignee: "me" as const }, { assigneeId: 7 }, true],
    [{ assignee: "me" as const }, { assigneeId: 8 }, false],
    [{ assignee: "none" as const }, { assigneeId: null }, true],
    [{ assignee: "none" as const }, { assigneeId: 7 }, false],
    [{ assignee: 8 }, { assigneeId: 8 }, true],
    [{ teamId: 2 }, { teamId: 3 }, false],
    [{ status: "resolved" as const }, { status: "open" as const }, false],
    [{ status: "all" as const }, { status: "snoozed" as const }, true],
    [{ priority: "urgent" as const }, { priority: "urgent" as const }, true],
  ])("filter %j, conversation %j -> %s", (filter, fields, expected) => {
    expect(matchesFilter(conversation(fields), { ...DEFAULT_FILTER, status: "all", ...filter }, me)).toBe(expected);
  });
});

describe("filter query and hash", () => {
  it("leaves 'all' out of the API query", () => {
    expect(filterToQuery({ status: "all", assignee: "none", teamId: 3, priority: "all" })).toEqual({
      status: undefined,
      assigneeId: "none",
      teamId: 3,
      priority: undefined,
    });
  });

  it("round-trips through the URL and rejects junk", () => {
    const filter = { status: "pending", assignee: 12, teamId: 4, priority: "high" } as const;
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
    expect(filterFromSearch("status=evil&assignee=-1&team=x&priority=<b>")).toEqual(DEFAULT_FILTER);
    expect(filterToSearch(DEFAULT_FILTER)).toBe("");
  });
});
