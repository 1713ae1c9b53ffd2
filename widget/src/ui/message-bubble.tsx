/** One message: who sent it, its text (links made safe), cited articles, time and delivery state. */
import type { Strings } from "../i18n.ts";
import { linkify, safeHttpUrl } from "../linkify.ts";
import type { TimelineItem } from "../state.ts";
import { formatTime } from "./format-time.ts";

function Link(props: { href: string; text: string }) {
  return (
    <a href={props.href} target="_blank" rel="noopener noreferrer">
      {props.text}
    </a>
  );
}

export function MessageBubble(props: { item: TimelineItem; t: Strings; locale: string; base: string; onRetry: (id: string) => void }) {
  const { item, t } = props;
  const file = item.attachment;
  const fileUrl = props.base + file?.url;
  const { senderType: sender, delivery } = item;
  const streaming = delivery === "streaming";
  const from = sender === "ai" ? t.assistant : sender === "agent" ? (item.senderName ?? t.support) : null;
  const status = delivery === "sending" || delivery === "sent" || delivery === "failed" ? t[delivery] : "";
  return (
    <div
      part={`message message-${sender === "contact" ? "visitor" : sender}`}
      class={`msg ${sender} ${delivery ?? ""}`}
      data-testid={streaming ? "hummdesk-ai-stream" : "hummdesk-message"}
      data-sender={sender}
      data-delivery={delivery ?? undefined}
    >
      {from && <span class="meta">{from}</span>}
      <div class={streaming ? "bubble cursor" : "bubble"}>
        {file && (
          <a class="file" href={fileUrl} target="_blank" rel="noopener noreferrer" data-testid="hummdesk-attachment">
            {file.contentType.startsWith("image/") ? <img src={fileUrl} alt={file.name} /> : file.name}
          </a>
        )}
        {file?.name !== item.content &&
          linkify(item.content).map((segment) =>
          segment.type === "link" ? <Link href={segment.href} text={segment.text} /> : segment.text,
        )}
        {item.citations.length > 0 && (
          <ul>
            {item.citations.map((citation) => {
              const href = safeHttpUrl(citation.url);
              return <li key={citation.articleId}>{href ? <Link href={href} text={citation.title} /> : citation.title}</li>;
            })}
          </ul>
        )}
      </div>
      {(item.createdAt || status) && (
        <span class="meta">
          {item.createdAt && <time dateTime={item.createdAt}>{formatTime(item.createdAt, props.locale)}</time>}
          {status && ` · ${status}`}
          {delivery === "failed" && (
            <button type="button" class="pill" data-testid="hummdesk-retry" onClick={() => props.onRetry(item.clientMessageId!)}>
              {t.retry}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
