/** The reply composer: a message to the visitor, or a private note for colleagues; typing is announced live. */
import { useEffect, useRef, useState } from "preact/hooks";

export interface ReplyBoxProps {
  conversationId: number;
  onSend(content: string, isPrivate: boolean): Promise<void>;
  onTyping(on: boolean): void;
}

const TYPING_IDLE_MS = 3000;

export function ReplyBox({ conversationId, onSend, onTyping }: ReplyBoxProps) {
  const [content, setContent] = useState("");
  const [isPrivate, setIsPrivate] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
    return stopTyping;
  }, [conversationId]);

  function typed(value: string) {
    setContent(value);
    if (isPrivate) return; // notes are not announced to the visitor
    if (typingSince.current === null) {
      typingSince.current = Date.now();
      onTyping(true);
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  async function send(event?: Event) {
    event?.preventDefault();
    const text = content.trim();
    if (!text || sending) return;
    stopTyping();
    setSending(true);
    setError(null);
    try {
      await onSend(text, isPrivate);
      setContent("");
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
      <textarea
        id="reply-input"
        class="input"
        rows={3}
        maxLength={5000}
        placeholder={isPrivate ? "Note for your colleagues (the visitor never sees it)" : "Write a reply… (Ctrl+Enter sends)"}
        value={content}
        onInput={(event) => typed(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void send();
        }}
        data-testid="reply-input"
      />
      {error && (
        <p class="field-error" role="alert" data-testid="reply-error">
          {error}
        </p>
      )}
      <div class="reply-actions">
        <button type="submit" class="button primary" disabled={sending || content.trim() === ""} data-testid="reply-send">
          {sending ? "Sending…" : isPrivate ? "Add note" : "Send"}
        </button>
      </div>
    </form>
  );
}
