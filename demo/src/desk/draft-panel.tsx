/** The AI's suggested answer, streaming in live, with accept, edit-and-send and reject. */
import { useEffect, useState } from "preact/hooks";
import { type DraftView, draftText, isActionable } from "./draft-stream.ts";
import { Citations } from "./message-list.tsx";

export interface DraftPanelProps {
  draft: DraftView;
  busy: boolean;
  error: string | null;
  onAccept(): void;
  onSendEdited(content: string): void;
  onReject(): void;
}

export function DraftPanel({ draft, busy, error, onAccept, onSendEdited, onReject }: DraftPanelProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const text = draftText(draft);
  const streaming = draft.status === "streaming";

  // A newer draft replaces the one being edited.
  useEffect(() => setEditing(null), [draft.draftId]);

  if (draft.status === "failed") {
    return (
      <p class="draft-note" data-testid="ai-draft-failed">
        The AI could not draft an answer for this message.
      </p>
    );
  }
  if (!isActionable(draft)) return null;

  return (
    <section class="ai-draft" aria-label="AI suggested answer" data-testid="ai-draft" data-status={draft.status} data-draft-id={draft.draftId}>
      <header class="ai-draft-head">
        <span class="pill ai">AI draft</span>
        <span class="field-hint">{streaming ? "Writing…" : "Check it before you send it."}</span>
      </header>
      {editing === null ? (
        <p class="ai-draft-text" aria-busy={streaming} data-testid="ai-draft-text">
          {text}
          {streaming && <span class="cursor" aria-hidden="true" />}
        </p>
      ) : (
        <>
          <label class="visually-hidden" for="draft-edit">
            Edit the AI draft
          </label>
          <textarea
            id="draft-edit"
            class="input"
            rows={5}
            value={editing}
            onInput={(event) => setEditing(event.currentTarget.value)}
            data-testid="draft-edit-text"
          />
        </>
      )}
      <Citations citations={draft.citations} testId="draft-citations" />
      {error && (
        <p class="field-error" role="alert" data-testid="draft-error">
          {error}
        </p>
      )}
      <div class="ai-draft-actions">
        {editing === null ? (
          <>
            <button type="button" class="button small primary" disabled={streaming || busy} onClick={onAccept} data-testid="draft-accept">
              Accept and send
            </button>
            <button type="button" class="button small" disabled={streaming || busy} onClick={() => setEditing(text)} data-testid="draft-edit">
              Edit
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              class="button small primary"
              disabled={busy || editing.trim() === ""}
              onClick={() => onSendEdited(editing.trim())}
              data-testid="draft-send-edited"
            >
              Send edited
            </button>
            <button type="button" class="button small" disabled={busy} onClick={() => setEditing(null)} data-testid="draft-cancel-edit">
              Cancel edit
            </button>
          </>
        )}
        <button type="button" class="button small danger" disabled={busy} onClick={onReject} data-testid="draft-reject">
          Reject
        </button>
      </div>
    </section>
  );
}
