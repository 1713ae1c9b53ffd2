/** After a conversation is resolved: rate it 1–5, with an optional comment; thanks once rated. */
import { useState } from "preact/hooks";
import type { Strings } from "../i18n.ts";
import type { Session } from "../session.ts";

export function RatingForm(props: { t: Strings; conversationId: number; rated: boolean; session: Session }) {
  const { t } = props;
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  if (props.rated) {
    return (
      <p class="note" data-testid="hummdesk-rated">
        {t.rated}
      </p>
    );
  }
  return (
    <form
      class="rating"
      data-testid="hummdesk-rating"
      onSubmit={(event) => {
        event.preventDefault();
        if (score) void props.session.rate(props.conversationId, score, comment);
      }}
    >
      <fieldset>
        <legend>{t.rateTitle}</legend>
        {[1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            class={value <= score ? "star on" : "star"}
            aria-pressed={value === score}
            aria-label={`${value} ${t.rateScore}`}
            data-testid={`hummdesk-rate-${value}`}
            onClick={() => setScore(value)}
          >
            ★
          </button>
        ))}
      </fieldset>
      {score > 0 && (
        <>
          <textarea
            aria-label={t.rateComment}
            placeholder={t.rateComment}
            rows={2}
            maxLength={1000}
            value={comment}
            data-testid="hummdesk-rating-comment"
            onInput={(event) => setComment(event.currentTarget.value)}
          />
          <button type="submit" class="pill" data-testid="hummdesk-rating-send">
            {t.rateSend}
          </button>
        </>
      )}
    </form>
  );
}
