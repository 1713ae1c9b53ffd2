/** One open conversation: header actions, the thread, the AI draft, the composer and the details panel. */
import type { Agent, ConversationStatus, Priority, Team } from "@hummdesk/shared";
import { useState } from "preact/hooks";
import { describeError } from "../api-client.ts";
import { ConversationDetails } from "./conversation-details.tsx";
import type { OpenConversation, TypingIndicator } from "./desk-state.ts";
import { DraftPanel } from "./draft-panel.tsx";
import { type DraftView, isActionable, isOvertaken } from "./draft-stream.ts";
import { STATUS_LABELS } from "./labels.ts";
import { MessageList } from "./message-list.tsx";
import { ReplyBox } from "./reply-box.tsx";
import { SNOOZE_CHOICES, snoozeUntil } from "./snooze.ts";
import type { CannedResponses } from "./use-canned-responses.ts";

export interface ConversationActions {
  /** With a file: uploaded first, then sent with the text as its caption. */
  reply(content: string, isPrivate: boolean, file?: File): Promise<void>;
  assign(target: { assigneeId?: number | null; teamId?: number | null }): Promise<void>;
  setStatus(status: ConversationStatus, snoozedUntil?: string): Promise<void>;
  setPriority(priority: Priority): Promise<void>;
  acceptDraft(draftId: number): Promise<void>;
  sendEditedDraft(draftId: number, content: string): Promise<void>;
  rejectDraft(draftId: number): Promise<void>;
  typing(on: boolean): void;
  back(): void;
  /** Opens another conversation (one of the visitor's earlier ones). */
  openConversation(conversationId: number): void;
}

export interface ConversationViewProps {
  open: OpenConversation;
  draft: DraftView | undefined;
  typing: TypingIndicator | undefined;
  agents: Agent[];
  teams: Team[];
  myUserId: number;
  now: number;
  canned: CannedResponses;
  actions: ConversationActions;
}

export function ConversationView({ open, draft, typing, agents, teams, myUserId, now, canned, actions }: ConversationViewProps) {
  const { conversation, contact } = open;
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [showDetails, setShowDetails] = useState(false);
  const contactName = contact.name ?? contact.email ?? `Visitor ${contact.id}`;
  const visitorTyping = typing && typing.until > now && typing.senderType === "contact";

  async function run(action: () => Promise<void>, setError: (error: string | null) => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class={`conversation${showDetails ? " show-details" : ""}`} aria-labelledby="conversation-title" data-testid="conversation-view" data-conversation-id={conversation.id}>
      <header class="conversation-head">
        <button type="button" class="button small back-button" onClick={actions.back} data-testid="back-to-list">
          <span aria-hidden="true">←</span> Conversations
        </button>
        <div class="conversation-title">
          <h1 id="conversation-title">{contactName}</h1>
          <span class="pill">#{conversation.displayId}</span>
          <span class={`pill status-${conversation.status}`} data-testid="conversation-status">
            {STATUS_LABELS[conversation.status]}
          </span>
          {conversation.handoffRequested && <span class="pill handoff">Wants a person</span>}
        </div>
        <div class="conversation-actions">
          <button
            type="button"
            class="button small details-toggle"
            aria-expanded={showDetails}
            aria-controls="conversation-details"
            onClick={() => setShowDetails(!showDetails)}
            data-testid="details-toggle"
          >
            Details
          </button>
          {conversation.status === "open" && (
            <button type="button" class="button small" disabled={busy} onClick={() => run(() => actions.setStatus("pending"), setActionError)} data-testid="pending-button">
              Pending
            </button>
          )}
          {conversation.status !== "resolved" && conversation.status !== "snoozed" && (
            <>
              <label class="visually-hidden" for="snooze-select">
                Snooze until
              </label>
              <select
                id="snooze-select"
                class="input small-select"
                disabled={busy}
                value=""
                onChange={(event) => {
                  const choice = event.currentTarget.value;
                  event.currentTarget.value = "";
                  if (choice) void run(() => actions.setStatus("snoozed", snoozeUntil(choice, new Date()).toISOString()), setActionError);
                }}
                data-testid="snooze-select"
              >
                <option value="">Snooze…</option>
                {SNOOZE_CHOICES.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </>
          )}
          {(conversation.status === "pending" || conversation.status === "snoozed") && (
            <button type="button" class="button small" disabled={busy} onClick={() => run(() => actions.setStatus("open"), setActionError)} data-testid="open-button">
              Mark open
            </button>
          )}
          {conversation.status === "resolved" ? (
            <button type="button" class="button small" disabled={busy} onClick={() => run(() => actions.setStatus("open"), setActionError)} data-testid="reopen-button">
              Reopen
            </button>
          ) : (
            <button
              type="button"
              class="button small primary"
              disabled={busy}
              onClick={() => run(() => actions.setStatus("resolved"), setActionError)}
              data-testid="resolve-button"
            >
              Resolve
            </button>
          )}
        </div>
      </header>
      {actionError && (
        <p class="alert error action-error" role="alert" data-testid="action-error">
          {actionError}
        </p>
      )}
      <div class="conversation-body">
        <div class="thread">
          <MessageList conversationId={conversation.id} messages={open.messages} contactName={contactName} now={now} />
          <p class="typing-indicator" aria-live="polite" data-testid="typing-indicator" data-active={visitorTyping ? "true" : "false"}>
            {visitorTyping ? `${typing?.senderName ?? contactName} is typing…` : ""}
          </p>
          {draft && draft.conversationId === conversation.id && (draft.status === "failed" || isActionable(draft)) && !isOvertaken(open.messages, conversation.status) && (
            <DraftPanel
              draft={draft}
              busy={busy}
              error={draftError}
              onAccept={() => run(() => actions.acceptDraft(draft.draftId), setDraftError)}
              onSendEdited={(content) => run(() => actions.sendEditedDraft(draft.draftId, content), setDraftError)}
              onReject={() => run(() => actions.rejectDraft(draft.draftId), setDraftError)}
            />
          )}
          <ReplyBox conversationId={conversation.id} canned={canned} onSend={actions.reply} onTyping={actions.typing} />
        </div>
        <aside id="conversation-details" class="conversation-details" aria-label="Conversation details" data-testid="conversation-details">
          <ConversationDetails
            open={open}
            agents={agents}
            teams={teams}
            myUserId={myUserId}
            busy={busy}
            now={now}
            onAssign={(target) => run(() => actions.assign(target), setActionError)}
            onPriority={(priority) => run(() => actions.setPriority(priority), setActionError)}
            onOpenConversation={actions.openConversation}
          />
        </aside>
      </div>
    </article>
  );
}
