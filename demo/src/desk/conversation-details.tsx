/** The side panel of a conversation: the visitor and their context, their rating, first-reply SLA, AI
 * classification, assignment and priority, and the visitor's other conversations. */
import type { Agent, Conversation, Priority, Team } from "@hummdesk/shared";
import type { OpenConversation } from "./desk-state.ts";
import { AVAILABILITY_LABELS, CATEGORY_LABELS, LANGUAGE_LABELS, PRIORITY_LABELS, PRIORITY_ORDER, SENTIMENT_LABELS } from "./labels.ts";
import { slaState } from "./sla.ts";
import { ContactAttributes, OtherConversations, Rating, VisitorFacts } from "./visitor-details.tsx";

export interface ConversationDetailsProps {
  open: OpenConversation;
  agents: Agent[];
  teams: Team[];
  myUserId: number;
  busy: boolean;
  now: number;
  onAssign(target: { assigneeId?: number | null; teamId?: number | null }): void;
  onPriority(priority: Priority): void;
  onOpenConversation(conversationId: number): void;
}

function Classification({ conversation }: { conversation: Conversation }) {
  if (!conversation.category && !conversation.language && conversation.aiConfidence === null) {
    return (
      <p class="field-hint" data-testid="ai-classification" data-state="pending">
        Not classified yet.
      </p>
    );
  }
  const rows: [string, string, string][] = [
    ["language", "Language", conversation.language ? LANGUAGE_LABELS[conversation.language] : "—"],
    ["category", "Category", conversation.category ? CATEGORY_LABELS[conversation.category] : "—"],
    ["priority", "Priority", PRIORITY_LABELS[conversation.priority]],
    ["sentiment", "Sentiment", conversation.sentiment ? SENTIMENT_LABELS[conversation.sentiment] : "—"],
    ["confidence", "Confidence", conversation.aiConfidence === null ? "—" : `${Math.round(conversation.aiConfidence * 100)} %`],
  ];
  return (
    <dl class="classification" data-testid="ai-classification">
      {rows.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`classification-${key}`} class={key === "sentiment" ? `sentiment-${conversation.sentiment ?? "none"}` : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ConversationDetails({ open, agents, teams, myUserId, busy, now, onAssign, onPriority, onOpenConversation }: ConversationDetailsProps) {
  const { conversation, contact } = open;
  const sla = conversation.status === "resolved" ? null : (conversation.firstRepliedAt ? null : slaState(conversation.firstReplyDueAt, now));
  return (
    <div class="details-content">
      <section aria-labelledby="details-contact">
        <h2 id="details-contact">Visitor</h2>
        <p class="contact-line" data-testid="contact-name">
          {contact.name ?? "Anonymous visitor"}
        </p>
        {contact.email && <p class="contact-line">{contact.email}</p>}
        {contact.identifier && (
          <p class="contact-line field-hint" data-testid="contact-identifier">
            {contact.identifierVerified ? "Verified id" : "Unverified id (claimed by the visitor)"} {contact.identifier}
          </p>
        )}
        <ContactAttributes attributes={contact.customAttributes} />
        <VisitorFacts conversation={conversation} now={now} />
      </section>

      <section aria-labelledby="details-rating">
        <h2 id="details-rating">Rating</h2>
        <Rating conversation={conversation} />
      </section>

      <section aria-labelledby="details-sla">
        <h2 id="details-sla">First reply</h2>
        {sla ? (
          <p
            class={`sla ${sla.overdue ? "overdue" : sla.soon ? "soon" : ""}`}
            data-testid="sla-due"
            data-overdue={sla.overdue ? "true" : "false"}
            title={new Date(conversation.firstReplyDueAt ?? "").toLocaleString()}
          >
            {sla.label}
          </p>
        ) : (
          <p class="field-hint" data-testid="sla-due" data-overdue="false">
            No reply due
          </p>
        )}
      </section>

      <section aria-labelledby="details-ai">
        <h2 id="details-ai">AI classification</h2>
        <Classification conversation={conversation} />
      </section>

      <section aria-labelledby="details-assignment">
        <h2 id="details-assignment">Assignment</h2>
        <div class="field">
          <label for="assign-agent">Agent</label>
          <div class="inline-row">
            <select
              id="assign-agent"
              class="input"
              disabled={busy}
              value={conversation.assigneeId ?? ""}
              onChange={(event) => onAssign({ assigneeId: event.currentTarget.value ? Number(event.currentTarget.value) : null })}
              data-testid="assign-agent"
            >
              <option value="">Unassigned</option>
              {agents.map((agent) => (
                <option key={agent.userId} value={agent.userId}>
                  {agent.name}
                  {agent.userId === myUserId ? " (you)" : ""} · {agent.present || agent.userId === myUserId ? AVAILABILITY_LABELS[agent.availability] : AVAILABILITY_LABELS.offline}
                </option>
              ))}
            </select>
            {conversation.assigneeId !== myUserId && (
              <button type="button" class="button small" disabled={busy} onClick={() => onAssign({ assigneeId: myUserId })} data-testid="assign-me">
                Assign to me
              </button>
            )}
          </div>
        </div>
        <div class="field">
          <label for="assign-team">Team</label>
          <select
            id="assign-team"
            class="input"
            disabled={busy}
            value={conversation.teamId ?? ""}
            onChange={(event) => onAssign({ teamId: event.currentTarget.value ? Number(event.currentTarget.value) : null })}
            data-testid="assign-team"
          >
            <option value="">No team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="priority-select">Priority</label>
          <select
            id="priority-select"
            class="input"
            disabled={busy}
            value={conversation.priority}
            onChange={(event) => onPriority(event.currentTarget.value as Priority)}
            data-testid="priority-select"
          >
            {PRIORITY_ORDER.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section aria-labelledby="details-history">
        <h2 id="details-history">Other conversations</h2>
        <OtherConversations conversations={open.otherConversations} onOpen={onOpenConversation} />
      </section>
    </div>
  );
}
