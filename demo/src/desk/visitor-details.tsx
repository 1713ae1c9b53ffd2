/** The details pane's view of the visitor: where they are and on what (sent by the widget), what the
 * merchant told us about them, their rating of this conversation, and their other conversations. */
import type { Conversation } from "@hummdesk/shared";
import type { ListedConversation } from "../api-client.ts";
import { safeHref } from "../linkify.ts";
import type { OpenConversation } from "./desk-state.ts";
import { STATUS_LABELS } from "./labels.ts";
import { attributeText, describeLocale, describeUserAgent, ratingStars, visitorLocalTime } from "./visitor-context.ts";

const day = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });

/** A URL the visitor's browser reported: a link only when it is http(s), plain text otherwise. */
function ReportedUrl({ url, testId }: { url: string; testId: string }) {
  const href = safeHref(url);
  if (!href) return <span class="visitor-url" data-testid={testId}>{url}</span>;
  return (
    <a class="visitor-url" href={href} target="_blank" rel="noopener noreferrer" title={url} data-testid={testId}>
      {url}
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** Page, referrer, browser, local time and language, as far as the widget sent them. */
export function VisitorFacts({ conversation, now }: { conversation: Conversation; now: number }) {
  const context = conversation.visitorContext;
  if (!context) {
    return (
      <p class="field-hint" data-testid="visitor-context" data-state="none">
        The widget sent no page or browser details.
      </p>
    );
  }
  const browser = describeUserAgent(context.userAgent);
  const clock = visitorLocalTime(context, now);
  const language = describeLocale(context.locale);
  return (
    <dl class="visitor-facts" data-testid="visitor-context">
      {(context.pageUrl || context.pageTitle) && (
        <div>
          <dt>Page</dt>
          <dd>
            {context.pageTitle && (
              <span class="visitor-page-title" data-testid="visitor-page-title">
                {context.pageTitle}
              </span>
            )}
            {context.pageUrl && <ReportedUrl url={context.pageUrl} testId="visitor-page-url" />}
          </dd>
        </div>
      )}
      {context.referrer && (
        <div>
          <dt>Came from</dt>
          <dd>
            <ReportedUrl url={context.referrer} testId="visitor-referrer" />
          </dd>
        </div>
      )}
      {(browser || context.userAgent) && (
        <div>
          <dt>Browser</dt>
          <dd data-testid="visitor-browser" title={context.userAgent}>
            {browser ?? context.userAgent}
          </dd>
        </div>
      )}
      {clock && (
        <div>
          <dt>Local time</dt>
          <dd data-testid="visitor-local-time">
            <span class="visitor-clock">{clock.time}</span> <span class="field-hint">{clock.zone}</span>
          </dd>
        </div>
      )}
      {language && (
        <div>
          <dt>Language</dt>
          <dd data-testid="visitor-locale">
            {language}
            {language !== context.locale && <span class="field-hint"> {context.locale}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The merchant's custom attributes for an identified visitor (plan, order count, ...). */
export function ContactAttributes({ attributes }: { attributes: OpenConversation["contact"]["customAttributes"] }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return (
    <dl class="visitor-facts" data-testid="contact-attributes">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd data-testid={`contact-attribute-${name}`}>{attributeText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The visitor's rating after resolve: "Rated 4/5", stars, their comment. */
export function Rating({ conversation }: { conversation: Conversation }) {
  const score = conversation.csatScore;
  if (!score) {
    return (
      <p class="field-hint" data-testid="csat" data-rated="false">
        {conversation.status === "resolved" ? "Not rated yet." : "The visitor can rate the conversation once it is resolved."}
      </p>
    );
  }
  return (
    <div class="csat" data-testid="csat" data-rated="true">
      <p class="csat-score">
        <span class={`csat-stars${score <= 2 ? " low" : ""}`} aria-hidden="true">
          {ratingStars(score)}
        </span>{" "}
        <span data-testid="csat-score">Rated {score}/5</span>
      </p>
      {conversation.csatComment && (
        <blockquote class="csat-comment" data-testid="csat-comment">
          {conversation.csatComment}
        </blockquote>
      )}
    </div>
  );
}

/** The visitor's other conversations, each one click away. */
export function OtherConversations(props: { conversations: ListedConversation[] | "failed" | null; onOpen(conversationId: number): void }) {
  const { conversations, onOpen } = props;
  if (conversations === null) return <p class="field-hint">Loading…</p>;
  if (conversations === "failed") {
    return (
      <p class="field-hint" data-testid="other-conversations" data-state="failed">
        Could not load the visitor's other conversations.
      </p>
    );
  }
  if (conversations.length === 0) {
    return (
      <p class="field-hint" data-testid="other-conversations" data-state="none">
        No other conversations.
      </p>
    );
  }
  return (
    <ul class="other-conversations" data-testid="other-conversations">
      {conversations.map((item) => (
        <li key={item.id}>
          <button type="button" class="other-conversation" onClick={() => onOpen(item.id)} data-testid={`other-conversation-${item.id}`}>
            <span class="other-conversation-top">
              <span>#{item.displayId}</span>
              <span>{STATUS_LABELS[item.status]}</span>
              {item.csatScore ? <span>★ {item.csatScore}/5</span> : null}
              <span class="spacer" />
              <time dateTime={item.createdAt}>{day.format(new Date(item.createdAt))}</time>
            </span>
            {item.lastMessage && <span class="other-conversation-preview">{item.lastMessage}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
