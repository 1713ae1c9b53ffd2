/** The reply composer: a message to the visitor, or a private note for colleagues; typing is
 * announced live, and `/shortcut` picks one of the account's canned responses. */
import type { CannedResponse } from "@hummdesk/shared";
import { useEffect, useRef, useState } from "preact/hooks";
import { insertCannedResponse, matchCannedResponses, moveActive, type SlashQuery, slashQueryAt } from "./canned-picker.ts";
import type { CannedResponses } from "./use-canned-responses.ts";

export interface ReplyBoxProps {
  conversationId: number;
  canned: CannedResponses;
  onSend(content: string, isPrivate: boolean, file?: File): Promise<void>;
  onTyping(on: boolean): void;
}

const LISTBOX_ID = "canned-listbox";
const optionId = (response: CannedResponse) => `canned-option-${response.id}`;

const TYPING_IDLE_MS = 3000;
/** What the file picker offers; the server checks the bytes again and has the last word. */
const ACCEPTED_FILES = "image/png,image/jpeg,image/gif,image/webp,application/pdf";

export function ReplyBox({ conversationId, canned, onSend, onTyping }: ReplyBoxProps) {
  const [content, setContent] = useState("");
  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  /** Where the slash of a picker closed with Escape stands: typing on in that word keeps it closed. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [isPrivate, setIsPrivate] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const typingSince = useRef<number | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function stopTyping() {
    clearTimeout(idleTimer.current);
    if (typingSince.current !== null) onTyping(false);
    typingSince.current = null;
  }

  // A new conversation starts with an empty composer, and the old one hears that typing stopped.
  useEffect(() => {
    setContent("");
    setError(null);
    setFile(null);
    setDismissedAt(null);
    return stopTyping;
  }, [conversationId]);

  const typedSlash = focused ? slashQueryAt(content, caret) : null;
  const slash = typedSlash && typedSlash.start !== dismissedAt ? typedSlash : null;
  const matches = slash ? matchCannedResponses(canned.responses, slash.query) : [];
  const listShown = matches.length > 0;
  const active = Math.min(activeIndex, Math.max(matches.length - 1, 0));
  const activeResponse = listShown ? matches[active] : undefined;

  // A chosen response moves the caret to its end once the new text is on screen.
  useEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [content]);

  useEffect(() => {
    if (activeResponse) document.getElementById(optionId(activeResponse))?.scrollIntoView({ block: "nearest" });
  }, [activeResponse]);

  // A picker opened with nothing loaded tries again, so a failed first load is not final.
  const pickerOpen = slash !== null;
  useEffect(() => {
    if (pickerOpen && canned.status === "failed") canned.reload();
  }, [pickerOpen]);

  function followCaret() {
    setCaret(textarea.current?.selectionStart ?? 0);
  }

  function typed(value: string, caretAt = textarea.current?.selectionStart ?? value.length) {
    setContent(value);
    setCaret(caretAt);
    setActiveIndex(0);
    if (!slashQueryAt(value, caretAt)) setDismissedAt(null);
    if (isPrivate) return; // notes are not announced to the visitor
    if (typingSince.current === null) {
      typingSince.current = Date.now();
      onTyping(true);
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function choose(response: CannedResponse, at: SlashQuery) {
    const next = insertCannedResponse(content, at, response.content);
    pendingCaret.current = next.caret;
    typed(next.text, next.caret);
    textarea.current?.focus();
  }

  /** The button's way in: a slash at the caret (after a space if needed) opens the picker. */
  function startPicking() {
    const field = textarea.current;
    const at = field?.selectionStart ?? content.length;
    const gap = at > 0 && !/\s/u.test(content[at - 1] ?? "") ? " " : "";
    const inserted = `${gap}/`;
    pendingCaret.current = at + inserted.length;
    typed(`${content.slice(0, at)}${inserted}${content.slice(at)}`, at + inserted.length);
    setDismissedAt(null);
    field?.focus();
  }

  function keyDown(event: KeyboardEvent) {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (slash && activeResponse && plain) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActiveIndex(moveActive(active, matches.length, event.key === "ArrowDown" ? 1 : -1));
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(activeResponse, slash);
        return;
      }
    }
    if (slash && event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(slash.start);
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void send();
  }

  async function send(event?: Event) {
    event?.preventDefault();
    // A file alone is captioned with its name.
    const text = content.trim() || file?.name || "";
    if (!text || sending) return;
    stopTyping();
    setSending(true);
    setError(null);
    try {
      await onSend(text, isPrivate, file ?? undefined);
      setContent("");
      setFile(null);
      // A note is a one-off: the next thing typed is a reply again, so nothing meant for the
      // visitor is kept from them by a forgotten toggle.
      setIsPrivate(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Sending failed; try again.");
    } finally {
      setSending(false);
    }
  }

  return (
    <form class={`reply-box${isPrivate ? " private" : ""}`} onSubmit={send} data-testid="reply-box">
      <fieldset class="reply-mode">
        <legend class="visually-hidden">Reply or private note</legend>
        <button type="button" class={`mode${isPrivate ? "" : " active"}`} aria-pressed={!isPrivate} onClick={() => setIsPrivate(false)} data-testid="reply-mode-reply">
          Reply
        </button>
        <button
          type="button"
          class={`mode${isPrivate ? " active" : ""}`}
          aria-pressed={isPrivate}
          onClick={() => {
            stopTyping();
            setIsPrivate(true);
          }}
          data-testid="reply-private-toggle"
        >
          Private note
        </button>
      </fieldset>
      <label class="visually-hidden" for="reply-input">
        {isPrivate ? "Private note, visible to agents only" : "Reply to the visitor"}
      </label>
      <div class="composer">
        {slash && (
          <div class="canned-picker" data-testid="canned-picker">
            {listShown ? (
              <div id={LISTBOX_ID} class="canned-list" role="listbox" aria-label="Canned responses">
                {matches.map((response, index) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives the listbox from the textarea (aria-activedescendant).
                  <div
                    key={response.id}
                    tabIndex={-1}
                    id={optionId(response)}
                    role="option"
                    aria-selected={index === active}
                    class={`canned-option${index === active ? " active" : ""}`}
                    // The textarea keeps the focus (and the caret) while the mouse picks.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(response, slash)}
                    data-testid={`canned-option-${response.shortCode}`}
                  >
                    <span class="canned-code">/{response.shortCode}</span>
                    <span class="canned-text">{response.content}</span>
                  </div>
                ))}
              </div>
            ) : (
              <p class="canned-empty" data-testid="canned-empty">
                {canned.status === "loading"
                  ? "Loading canned responses…"
                  : canned.status === "failed"
                    ? canned.error
                    : canned.responses.length === 0
                      ? "This account has no canned responses yet."
                      : `No canned response matches /${slash.query}.`}
              </p>
            )}
            <div class="canned-foot">
              <span aria-hidden="true">↑↓ choose · Enter or Tab inserts · Esc closes</span>
              <button
                type="button"
                class="link-button"
                onMouseDown={(event) => event.preventDefault()}
                onClick={canned.reload}
                disabled={canned.status === "loading"}
                data-testid="canned-reload"
              >
                Reload list
              </button>
            </div>
          </div>
        )}
        <textarea
          ref={textarea}
          id="reply-input"
          class="input"
          rows={3}
          maxLength={5000}
          placeholder={isPrivate ? "Note for your colleagues (the visitor never sees it)" : "Write a reply… (/ for canned responses, Ctrl+Enter sends)"}
          value={content}
          aria-autocomplete="list"
          aria-controls={listShown ? LISTBOX_ID : undefined}
          aria-activedescendant={activeResponse ? optionId(activeResponse) : undefined}
          onInput={(event) => typed(event.currentTarget.value)}
          onKeyDown={keyDown}
          onKeyUp={(event) => {
            if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") followCaret();
          }}
          onClick={followCaret}
          onFocus={() => {
            setFocused(true);
            followCaret();
          }}
          onBlur={() => setFocused(false)}
          data-testid="reply-input"
        />
        <p class="visually-hidden" aria-live="polite" data-testid="canned-announcement">
          {slash ? (listShown ? `${matches.length} canned ${matches.length === 1 ? "response" : "responses"}; arrow keys choose, Enter inserts.` : "") : ""}
        </p>
      </div>
      {error && (
        <p class="field-error" role="alert" data-testid="reply-error">
          {error}
        </p>
      )}
      {file && (
        <p class="attachment-chip" data-testid="reply-attachment">
          <span>Attached: {file.name}</span>
          <button type="button" class="link-button" onClick={() => setFile(null)} aria-label={`Remove ${file.name}`} data-testid="reply-attachment-remove">
            Remove
          </button>
        </p>
      )}
      <div class="reply-actions">
        <input
          ref={fileInput}
          type="file"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          accept={ACCEPTED_FILES}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            event.currentTarget.value = "";
          }}
          data-testid="reply-file-input"
        />
        <button type="button" class="button small" onClick={() => fileInput.current?.click()} data-testid="reply-attach">
          Attach file
        </button>
        <button
          type="button"
          class="button small"
          aria-haspopup="listbox"
          aria-expanded={slash !== null}
          aria-controls={listShown ? LISTBOX_ID : undefined}
          onClick={startPicking}
          data-testid="canned-button"
        >
          <span aria-hidden="true">/</span> Canned responses
        </button>
        <button type="submit" class="button primary" disabled={sending || (content.trim() === "" && !file)} data-testid="reply-send">
          {sending ? "Sending…" : isPrivate ? "Add note" : "Send"}
        </button>
      </div>
    </form>
  );
}
