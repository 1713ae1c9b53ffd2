/** The list's filters: status, assignee (me, unassigned, any agent), team and priority. */
import type { Agent, Team } from "@hummdesk/shared";
import type { ConversationFilter } from "./conversation-filter.ts";
import { PRIORITY_LABELS, PRIORITY_ORDER, STATUS_LABELS, STATUSES } from "./labels.ts";

export interface ConversationFiltersProps {
  filter: ConversationFilter;
  agents: Agent[];
  teams: Team[];
  myUserId: number;
  onChange(filter: ConversationFilter): void;
}

const idOrKeyword = <K extends string>(value: string, keywords: readonly K[]): K | number =>
  keywords.find((keyword) => keyword === value) ?? Number(value);

export function ConversationFilters({ filter, agents, teams, myUserId, onChange }: ConversationFiltersProps) {
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filter conversations</legend>
      <label>
        <span class="visually-hidden">Status</span>
        <select
          class="input"
          value={filter.status}
          onChange={(event) => onChange({ ...filter, status: event.currentTarget.value as ConversationFilter["status"] })}
          data-testid="filter-status"
        >
          <option value="all">All statuses</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="visually-hidden">Assignee</span>
        <select
          class="input"
          value={String(filter.assignee)}
          onChange={(event) => onChange({ ...filter, assignee: idOrKeyword(event.currentTarget.value, ["all", "me", "none"] as const) })}
          data-testid="filter-assignee"
        >
          <option value="all">Anyone</option>
          <option value="me">Mine</option>
          <option value="none">Unassigned</option>
          {agents
            .filter((agent) => agent.userId !== myUserId)
            .map((agent) => (
              <option key={agent.userId} value={agent.userId}>
                {agent.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span class="visually-hidden">Team</span>
        <select
          class="input"
          value={String(filter.teamId)}
          onChange={(event) => onChange({ ...filter, teamId: idOrKeyword(event.currentTarget.value, ["all"] as const) })}
          data-testid="filter-team"
        >
          <option value="all">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="visually-hidden">Priority</span>
        <select
          class="input"
          value={filter.priority}
          onChange={(event) => onChange({ ...filter, priority: event.currentTarget.value as ConversationFilter["priority"] })}
          data-testid="filter-priority"
        >
          <option value="all">Any priority</option>
          {PRIORITY_ORDER.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
