import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER } from "./conversation-filter.ts";
import { formatRoute, parseRoute } from "./desk-route.ts";

describe("desk route", () => {
  it("round-trips the open conversation and the filter", () => {
    const route = { conversationId: 12, filter: { ...DEFAULT_FILTER, assignee: "me" as const, priority: "urgent" as const } };
    expect(formatRoute(route)).toBe("#assignee=me&priority=urgent&c=12");
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it("reads an empty or hostile hash as the default view", () => {
    expect(parseRoute("")).toEqual({ conversationId: null, filter: DEFAULT_FILTER });
    expect(parseRoute("#c=javascript:alert(1)&status=<x>")).toEqual({ conversationId: null, filter: DEFAULT_FILTER });
  });
});
