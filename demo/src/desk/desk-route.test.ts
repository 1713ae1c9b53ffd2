import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER } from "./conversation-filter.ts";
import { formatRoute, parseRoute } from "./desk-route.ts";

describe("desk route", () => {
  it("round-trips the open conversation and the filter", () => {
    const route = { account: null, conversationId: 12, filter: { ...DEFAULT_FILTER, assignee: "me" as const, priority: "urgent" as const } };
    expect(formatRoute(route)).toBe("#assignee=me&priority=urgent&c=12");
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it("puts the account first and reads it back", () => {
    const route = { account: "tradgardsboden", conversationId: 7, filter: { ...DEFAULT_FILTER, status: "pending" as const } };
    expect(formatRoute(route)).toBe("#account=tradgardsboden&status=pending&c=7");
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute("#account=k-rauta")).toEqual({ account: "k-rauta", conversationId: null, filter: DEFAULT_FILTER });
  });

  it("reads an empty or hostile hash as the default view", () => {
    expect(parseRoute("")).toEqual({ account: null, conversationId: null, filter: DEFAULT_FILTER });
    expect(parseRoute("#c=javascript:alert(1)&status=<x>")).toEqual({ account: null, conversationId: null, filter: DEFAULT_FILTER });
    for (const account of ["", "K-Rauta", "-k", "a/b", "x".repeat(64), "<script>"]) {
      expect(parseRoute(`#account=${encodeURIComponent(account)}`).account).toBeNull();
    }
  });
});
