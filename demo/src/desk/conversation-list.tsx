/** The conversation list: newest activity first, unread counts, SLA warnings, ratings, live typing. */
import type { ListedConversation } from "../api-client.ts";
import type { TypingIndicator } from "./desk-state.ts";
import { CATEGORY_LABELS, PRIORITY_LABELS, STATUS_LABELS } from "./labels.ts";
import { slaState } from "./sla.ts";
import { formatAge } from "./time-format.ts";

export interface ConversationListProps {
  conversations: ListedConversation[];
  loaded: boolean;
  error: string | null;
  selectedId: number | null;
  typing: Readonly<Record<number, TypingIndicator>>;
  nextCursor: string | null;
  loadingMore: boolean;
  now: number;
  onSelect(conversationId: number): void;
  onLoadMore(): void;
}

export function contactLabel(conversation: { contactName: string | null; contactId: number }): string {
  return conversation.contactName ?? `Visitor ${conversation.contactId}`;
}

export function ConversationList(props: ConversationListProps) {
  const { conversations, loaded, error, selectedId, typing, nextCursor, loadingMore, now, onSelect, onLoadMore } = props;
  if (error) {
    return (
      <p class="alert error list-message" role="alert">
        {error}
      </p>
    );
  }
  if (!loaded) return <p class="list-message">Loading conversations…</p>;
  if (conversations.length === 0) {
    return (
      <p class="list-message" data-testid="conversation-list-empty">
        No conversations match these filters.
      </p>
    );
  }
  return (
    <>
      <ul class="conversation-list" data-testid="conversation-list" aria-label="Conversations">
        {conversations.map((conversation) => {
          const sla = conversation.status === "open" ? (conversation.firstRepliedAt ? null : slaState(conversation.firstReplyDueAt, now)) : null;
          const isTyping = (typing[conversation.id]?.until ?? 0) > now && typing[conversation.id]?.senderType === "contact";
          const selected = conversation.id === selectedId;
          return (
            <li key={conversation.id}>
              <button
                type="button"
                class={`conversation-item${selected ? " selected" : ""}${conversation.unreadCount > 0 ? " unread" : ""}`}
                aria-current={selected ? "true" : undefined}
                onClick={() => onSelect(conversation.id)}
                data-testid={`conversation-item-${conversation.id}`}
                data-status={conversation.status}
                data-priority={conversation.priority}
                data-unread={conversation.unreadCount}
              >
                <span class="item-top">
                  <span class="item-name">{contactLabel(conversation)}</span>
                  <span class="item-age">{formatAge(conversation.lastActivityAt, now)}</span>
                </span>
                <span class="item-preview">
                  {isTyping ? <em>typing…</em> : (conversation.lastMessage ?? "")}
                </span>
                <span class="item-meta">
                  <span class="pill">#{conversation.displayId}</span>
                  {conversation.language && conversation.language !== "other" && (
                    <span class="pill" title="Language" data-testid={`item-language-${conversation.id}`}>
                      {conversation.language.toUpperCase()}
                    </span>
                  )}
                  {conversation.category && (
                    <span class="pill" data-testid={`item-category-${conversation.id}`}>
                      {CATEGORY_LABELS[conversation.category]}
                    </span>
                  )}
                  {conversation.status !== "open" && <span class="pill">{STATUS_LABELS[conversation.status]}</span>}
                  {conversation.csatScore ? (
                    <span class={`pill rating${conversation.csatScore <= 2 ? " low" : ""}`} title={`Rated ${conversation.csatScore}/5`} data-testid={`item-rating-${conversation.id}`}>
                      <span aria-hidden="true">★ </span>
                      {conversation.csatScore}/5<span class="visually-hidden"> rating</span>
                    </span>
                  ) : null}
                  {conversation.priority !== "medium" && (
                    <span class={`pill priority-${conversation.priority}`}>{PRIORITY_LABELS[conversation.priority]}</span>
                  )}
                  {conversation.handoffRequested && <span class="pill handoff">Wants a person</span>}
                  {sla && (sla.overdue || sla.soon) && <span class={`pill ${sla.overdue ? "sla-overdue" : "sla-soon"}`}>{sla.overdue ? "Overdue" : "Due soon"}</span>}
                  {conversation.unreadCount > 0 && (
                    <span class="unread-badge" data-testid={`unread-count-${conversation.id}`}>
                      {conversation.unreadCount}
                      <span class="visually-hidden"> unread</span>
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {nextCursor && (
        <button type="button" class="button small load-more" onClick={onLoadMore} disabled={loadingMore} data-testid="load-more">
          {loadingMore ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
