import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER } from "./conversation-filter.ts";
import { canManageAccount, formatRoute, parseRoute, viewForRole } from "./desk-route.ts";

const conversations = { account: null, view: "conversations" as const, articleId: null };

describe("desk route", () => {
  it("round-trips the open conversation and the filter", () => {
    const route = { ...conversations, conversationId: 12, filter: { ...DEFAULT_FILTER, assignee: "me" as const, priority: "urgent" as const } };
    expect(formatRoute(route)).toBe("#assignee=me&priority=urgent&c=12");
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it("puts the account first and reads it back", () => {
    const route = { ...conversations, account: "tradgardsboden", conversationId: 7, filter: { ...DEFAULT_FILTER, status: "pending" as const } };
    expect(formatRoute(route)).toBe("#account=tradgardsboden&status=pending&c=7");
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute("#account=k-rauta")).toEqual({ ...conversations, account: "k-rauta", conversationId: null, filter: DEFAULT_FILTER });
  });

  it("reads an empty or hostile hash as the default view", () => {
    expect(parseRoute("")).toEqual({ ...conversations, conversationId: null, filter: DEFAULT_FILTER });
    expect(parseRoute("#c=javascript:alert(1)&status=<x>")).toEqual({ ...conversations, conversationId: null, filter: DEFAULT_FILTER });
    expect(parseRoute("#view=<script>&c=3")).toEqual({ ...conversations, conversationId: 3, filter: DEFAULT_FILTER });
    for (const account of ["", "K-Rauta", "-k", "a/b", "x".repeat(64), "<script>"]) {
      expect(parseRoute(`#account=${encodeURIComponent(account)}`).account).toBeNull();
    }
  });

  it.each([
    [{ view: "articles" as const, articleId: null }, "#view=articles"],
    [{ view: "articles" as const, articleId: 5 }, "#view=articles&article=5"],
    [{ view: "articles" as const, articleId: "new" as const }, "#view=articles&article=new"],
    [{ view: "audit" as const, articleId: null }, "#view=audit"],
  ])("gives the knowledge base and the audit log their own address: %o", (page, hash) => {
    const route = { account: null, ...page, conversationId: null, filter: DEFAULT_FILTER };
    expect(formatRoute(route)).toBe(hash);
    expect(parseRoute(hash)).toEqual(route);
    const inAccount = { ...route, account: "k-rauta" };
    expect(formatRoute(inAccount)).toBe(hash.replace("#", "#account=k-rauta&"));
    expect(parseRoute(formatRoute(inAccount))).toEqual(inAccount);
  });

  it("ignores a conversation or filter in a page's address, and a malformed article id", () => {
    expect(parseRoute("#view=audit&c=4&status=resolved")).toEqual({ account: null, view: "audit", conversationId: null, filter: DEFAULT_FILTER, articleId: null });
    expect(parseRoute("#view=articles&article=-3")).toMatchObject({ view: "articles", articleId: null });
    expect(parseRoute("#view=articles&article=1e3")).toMatchObject({ view: "articles", articleId: null });
  });

  it("keeps agents on the conversations, whatever the address says", () => {
    expect(canManageAccount("administrator")).toBe(true);
    expect(canManageAccount("supervisor")).toBe(true);
    expect(canManageAccount("agent")).toBe(false);
    expect(canManageAccount(undefined)).toBe(false);
    expect(viewForRole("articles", "agent")).toBe("conversations");
    expect(viewForRole("audit", undefined)).toBe("conversations");
    expect(viewForRole("audit", "supervisor")).toBe("audit");
    expect(viewForRole("articles", "administrator")).toBe("articles");
  });
});
