/** The chat window: header with availability, the conversation, notes, and the composer. */
import { needsEmail, timeline } from "../state.ts";
import type { ViewProps } from "./app.tsx";
import { Composer } from "./composer.tsx";
import { formatTime } from "./format-time.ts";
import { CloseIcon } from "./icons.tsx";
import { MessageBubble } from "./message-bubble.tsx";
import { RatingForm } from "./rating-form.tsx";
import { statusLine } from "./status-line.ts";

export function Panel(props: ViewProps) {
  const { state, session, look, t } = props;
  const config = state.config!;
  const items = timeline(state);
  const { conversation } = state;
  const viewing = state.viewing !== null;
  const current = !viewing && conversation;
  const lastReply = items.filter((item) => item.senderType !== "contact").pop();
  const handedOff = current && state.handoffRequested.includes(current.id);
  const offerHandoff = current && current.status !== "resolved" && config.aiMode !== "off" && lastReply?.senderType === "ai";
  const greeting = !viewing && items.length === 0 && (config.greeting[look.locale] || t.greeting);
  // An inbox for signed-in customers refused the message: say why, instead of a silent "not sent".
  const signIn = config.enforceIdentity && state.outbox.some((entry) => entry.refused);

  return (
    <div
      part="panel"
      class="panel"
      role="dialog"
      aria-labelledby="hummdesk-title"
      hidden={!state.open}
      data-testid="hummdesk-panel"
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onClose();
      }}
    >
      <div part="header" class="header">
        <div>
          <h2 id="hummdesk-title">{config.inboxName}</h2>
          <p data-testid="hummdesk-status">{statusLine(config, state.networkOnline, t, look.locale)}</p>
        </div>
        <button type="button" aria-label={t.closeChat} data-testid="hummdesk-close" onClick={props.onClose}>
          <CloseIcon />
        </button>
      </div>
      <div class="list">
        {viewing ? (
          <button type="button" class="pill" onClick={() => session.view(null)}>
            {t.back}
          </button>
        ) : (
          state.previousConversations.length > 0 && (
            <details data-testid="hummdesk-earlier">
              <summary>{t.earlier}</summary>
              {state.previousConversations.map((earlier) => (
                <button key={earlier.id} type="button" class="earlier" data-testid="hummdesk-earlier-conversation" onClick={() => session.view(earlier.id)}>
                  <span>{earlier.title || formatTime(earlier.createdAt, look.locale)}</span>
                  <span class="meta">
                    {earlier.status === "resolved" ? t.statusResolved : t.statusOpen} · {formatTime(earlier.lastActivityAt, look.locale)}
                  </span>
                </button>
              ))}
            </details>
          )
        )}
        {greeting && (
          <div part="message message-agent" class="msg agent" data-testid="hummdesk-greeting">
            <div class="bubble">{greeting}</div>
          </div>
        )}
        {items.map((item) => (
          <MessageBubble key={item.key} item={item} t={t} locale={look.locale} base={session.base} onRetry={session.retry} />
        ))}
      </div>
      {state.agentTyping && (
        <p class="note" data-testid="hummdesk-typing">
          {state.agentTyping.senderName ?? t.support} {t.typing}
        </p>
      )}
      {current && current.status === "resolved" && state.outbox.length === 0 && (
        <>
          <RatingForm key={current.id} t={t} conversationId={current.id} rated={Boolean(current.csatScore)} session={session} />
          <p class="note">{t.resolved}</p>
        </>
      )}
      {handedOff ? (
        <p class="note">{t.handedOff}</p>
      ) : (
        offerHandoff && (
          <button type="button" class="pill" data-testid="hummdesk-handoff" onClick={session.handoff}>
            {t.handoff}
          </button>
        )
      )}
      {signIn && (
        <p class="note" role="alert" data-testid="hummdesk-sign-in">
          {t.signIn}
        </p>
      )}
      {!viewing && <Composer t={t} draft={state.draft} askEmail={needsEmail(state)} session={session} />}
    </div>
  );
}
