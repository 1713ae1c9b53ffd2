/** Pure routing decisions: which team gets a classified conversation, and which agent in it. */
import type { AICategory, Availability } from "@hummdesk/shared";

export interface TeamCandidate {
  id: number;
  categories: readonly string[];
}

export interface AgentCandidate {
  userId: number;
  availability: Availability;
  openConversations: number;
  maxConcurrent: number;
  /** ISO time of the agent's latest assignment; null when never assigned. */
  lastAssignedAt: string | null;
}

const CATCH_ALL: AICategory = "other";

function lowestTeamListing(category: string, teams: readonly TeamCandidate[]): number | null {
  const ids = teams.filter((team) => team.categories.includes(category)).map((team) => team.id);
  return ids.length > 0 ? Math.min(...ids) : null;
}

function mappedTeam(category: string, categoryTeams: Record<string, number>, teams: readonly TeamCandidate[]): number | null {
  const id = categoryTeams[category];
  // A mapping to a team that no longer exists is stale: ignore it rather than route nowhere.
  return id !== undefined && teams.some((team) => team.id === id) ? id : null;
}

/**
 * The account's explicit category -> team mapping wins; then the team that lists the category;
 * then the catch-all (the team mapped to or listing "other"); else null (leave unassigned).
 * Among several teams listing a category, the lowest id wins, so the choice is stable.
 */
export function chooseTeam(
  category: AICategory,
  categoryTeams: Record<string, number>,
  teams: readonly TeamCandidate[],
): number | null {
  return (
    mappedTeam(category, categoryTeams, teams) ??
    lowestTeamListing(category, teams) ??
    mappedTeam(CATCH_ALL, categoryTeams, teams) ??
    lowestTeamListing(CATCH_ALL, teams)
  );
}

function utilisation(agent: AgentCandidate): number {
  return agent.openConversations / agent.maxConcurrent;
}

function lastAssignedMs(agent: AgentCandidate): number {
  const time = agent.lastAssignedAt === null ? Number.NaN : Date.parse(agent.lastAssignedAt);
  // Never assigned (or an unreadable time) counts as the longest wait.
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * Only online agents below their capacity; the least loaded wins, ties broken by utilisation,
 * then by the longest time since the last assignment, then by the lowest user id.
 */
export function chooseAgent(candidates: readonly AgentCandidate[]): number | null {
  const eligible = candidates.filter(
    (agent) => agent.availability === "online" && agent.maxConcurrent > 0 && agent.openConversations < agent.maxConcurrent,
  );
  eligible.sort(
    (a, b) =>
      a.openConversations - b.openConversations ||
      utilisation(a) - utilisation(b) ||
      lastAssignedMs(a) - lastAssignedMs(b) ||
      a.userId - b.userId,
  );
  return eligible[0]?.userId ?? null;
}
