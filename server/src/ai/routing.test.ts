import type { AICategory } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { type AgentCandidate, chooseAgent, chooseTeam, type TeamCandidate } from "./routing.ts";

const teams: TeamCandidate[] = [
  { id: 1, categories: ["order_status", "delivery"] },
  { id: 2, categories: ["returns_refunds", "complaint"] },
  { id: 3, categories: ["other"] },
  { id: 4, categories: ["delivery"] },
];

describe("chooseTeam", () => {
  it.each<[string, AICategory, Record<string, number>, TeamCandidate[], number | null]>([
    ["explicit mapping wins over a team listing the category", "delivery", { delivery: 4 }, teams, 4],
    ["a team listing the category", "complaint", {}, teams, 2],
    ["the lowest id when several teams list it", "delivery", {}, teams, 1],
    ["the catch-all team listing other", "account", {}, teams, 3],
    ["an explicit catch-all mapping for other", "account", { other: 2 }, teams, 2],
    ["ignores a mapping to a team that no longer exists", "delivery", { delivery: 42 }, teams, 1],
    ["null without any fitting or catch-all team", "account", {}, teams.filter((t) => t.id !== 3), null],
    ["null without teams", "delivery", { delivery: 1 }, [], null],
  ])("%s", (_, category, mapping, candidates, expected) => {
    expect(chooseTeam(category, mapping, candidates)).toBe(expected);
  });
});

const agent = (userId: number, overrides: Partial<AgentCandidate> = {}): AgentCandidate => ({
  userId,
  availability: "online",
  openConversations: 0,
  maxConcurrent: 5,
  lastAssignedAt: null,
  ...overrides,
});

describe("chooseAgent", () => {
  it.each<[string, AgentCandidate[], number | null]>([
    ["nobody to choose from", [], null],
    ["only online agents", [agent(1, { availability: "busy" }), agent(2, { availability: "offline" }), agent(3, { openConversations: 4 })], 3],
    ["nobody online", [agent(1, { availability: "busy" }), agent(2, { availability: "offline" })], null],
    ["only agents below capacity", [agent(1, { openConversations: 5 }), agent(2, { openConversations: 4 })], 2],
    ["everyone full", [agent(1, { openConversations: 5 }), agent(2, { openConversations: 7 })], null],
    ["no capacity at all", [agent(1, { maxConcurrent: 0 })], null],
    ["least loaded", [agent(1, { openConversations: 3 }), agent(2, { openConversations: 1 }), agent(3, { openConversations: 2 })], 2],
    [
      "equal load: lower utilisation",
      [agent(1, { openConversations: 2, maxConcurrent: 4 }), agent(2, { openConversations: 2, maxConcurrent: 10 })],
      2,
    ],
    [
      "equal load and utilisation: longest since last assignment",
      [
        agent(1, { lastAssignedAt: "2025-06-01T10:00:00Z" }),
        agent(2, { lastAssignedAt: "2025-06-01T08:00:00Z" }),
        agent(3, { lastAssignedAt: "2025-06-01T09:00:00Z" }),
      ],
      2,
    ],
    ["never assigned counts as the longest wait", [agent(1, { lastAssignedAt: "2025-06-01T08:00:00Z" }), agent(2)], 2],
    ["all equal: lowest id", [agent(9), agent(4), agent(7)], 4],
  ])("%s", (_, candidates, expected) => {
    expect(chooseAgent(candidates)).toBe(expected);
  });

  it("does not reorder the caller's array", () => {
    const candidates = [agent(2, { openConversations: 3 }), agent(1)];
    chooseAgent(candidates);
    expect(candidates.map((c) => c.userId)).toEqual([2, 1]);
  });
});
