/** Where the visitor writes: Enter sends, Shift+Enter breaks the line, an email first when the inbox asks. */
import type { Strings } from "../i18n.ts";
import { MAX_MESSAGE_LENGTH } from "../limits.ts";
import type { Session } from "../session.ts";
import { SendIcon } from "./icons.tsx";

const SHOW_COUNTER_FROM = MAX_MESSAGE_LENGTH - 500;

/** Sends the draft once the form is valid (the browser checks the email field and says what is wrong). */
function submit(form: HTMLFormElement, session: Session): void {
  if (!form.reportValidity()) return;
  const email = form.querySelector("input")?.value;
  session.send(session.store.get().draft, email);
}

export function Composer(props: { t: Strings; draft: string; askEmail: boolean; session: Session }) {
  const { t, draft, session } = props;
  const counter = draft.length >= SHOW_COUNTER_FROM;
  return (
    <form
      part="composer"
      class="composer"
      data-testid="hummdesk-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget, session);
      }}
    >
      {props.askEmail && (
        <label>
          {t.email}
          <input type="email" autocomplete="email" required data-testid="hummdesk-email" />
        </label>
      )}
      <textarea
        aria-label={t.message}
        placeholder={t.placeholder}
        rows={Math.min(5, draft.split("\n").length)}
        maxLength={MAX_MESSAGE_LENGTH}
        value={draft}
        aria-describedby={counter ? "hummdesk-count" : undefined}
        data-testid="hummdesk-input"
        onInput={(event) => {
          const text = event.currentTarget.value;
          session.store.dispatch({ type: "set", fields: { draft: text } });
          session.typed(text.length > 0);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            const { form } = event.currentTarget;
            if (form) submit(form, session);
          }
        }}
      />
      <label part="attach-button" class="attach">
        +
        <input
          type="file"
          accept="image/*,.pdf"
          aria-label={t.attach}
          data-testid="hummdesk-file"
          onChange={(event) => {
            const input = event.currentTarget;
            session.send("", undefined, input.files![0]);
            input.value = "";
          }}
        />
      </label>
      <button
        part="send-button"
        class="send"
        type="submit"
        aria-label={t.send}
        disabled={!draft.trim()}
        data-testid="hummdesk-send"
      >
        <SendIcon />
      </button>
      {counter && (
        <span id="hummdesk-count" class="meta count">
          {draft.length} / {MAX_MESSAGE_LENGTH}
        </span>
      )}
    </form>
  );
}
