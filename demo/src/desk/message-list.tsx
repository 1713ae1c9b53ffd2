/** The thread of one conversation; every message is rendered as text, links made clickable safely. */
import type { Attachment, Citation, Message } from "@hummdesk/shared";
import { useLayoutEffect, useRef } from "preact/hooks";
import { linkify } from "../linkify.ts";
import { LinkifiedText } from "../ui/linkified-text.tsx";
import { activityText } from "./activity-text.ts";
import { formatMessageTime } from "./time-format.ts";

type MessageStyle = "contact" | "agent" | "ai" | "system" | "note";

export function messageStyle(message: Message): MessageStyle {
  // Activity lines are private (visitors never get them) but are events, not notes.
  if (message.messageType === "activity") return "system";
  if (message.private || message.messageType === "note") return "note";
  if (message.senderType === "system") return "system";
  if (message.senderType === "contact") return "contact";
  return message.senderType === "ai" ? "ai" : "agent";
}

function author(message: Message, style: MessageStyle, contactName: string): string {
  if (style === "contact") return message.senderName ?? contactName;
  if (style === "ai") return "AI assistant";
  if (style === "note") return `Private note · ${message.senderName ?? "Agent"}`;
  return message.senderName ?? "Agent";
}

/** "1.2 MB", "340 kB", "900 B". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} B`;
}

/** A file on a message: an image shows as a thumbnail, anything else as a named link. */
export function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const kind = attachment.contentType === "application/pdf" ? "PDF" : "image";
  const label = `${attachment.name} (${kind}, ${formatFileSize(attachment.size)})`;
  return (
    <a class="attachment" href={attachment.url} target="_blank" rel="noopener noreferrer" data-testid="message-attachment" data-content-type={attachment.contentType}>
      {attachment.contentType.startsWith("image/") ? <img src={attachment.url} alt={label} loading="lazy" /> : <span class="attachment-file">{label}</span>}
    </a>
  );
}

export function Citations({ citations, testId }: { citations: Citation[]; testId?: string }) {
  if (citations.length === 0) return null;
  return (
    <ul class="citations" aria-label="Sources" data-testid={testId}>
      {citations.map((citation) => {
        const link = citation.url ? linkify(citation.url)[0] : undefined;
        return (
          <li key={citation.articleId}>
            {link?.kind === "link" && link.text === citation.url ? (
              <a href={link.href} target="_blank" rel="noopener noreferrer">
                {citation.title}
              </a>
            ) : (
              citation.title
            )}
          </li>
        );
      })}
    </ul>
  );
}

export interface MessageListProps {
  conversationId: number;
  messages: Message[];
  contactName: string;
  now: number;
}

export function MessageList({ conversationId, messages, contactName, now }: MessageListProps) {
  const container = useRef<HTMLOListElement>(null);
  const pinnedToBottom = useRef(true);
  const lastConversation = useRef<number | null>(null);

  // Follow new messages only when the agent is already at the bottom, so reading history is not interrupted.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    if (lastConversation.current !== conversationId || pinnedToBottom.current) element.scrollTop = element.scrollHeight;
    lastConversation.current = conversationId;
  }, [conversationId, messages.length]);

  return (
    <ol
      class="message-list"
      ref={container}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinnedToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
      }}
      aria-label="Messages"
      data-testid="message-list"
    >
      {messages.length === 0 && <li class="message system">No messages yet.</li>}
      {messages.map((message) => {
        const style = messageStyle(message);
        return (
          <li
            key={message.id}
            class={`message ${style}`}
            data-testid={`message-item-${message.id}`}
            data-sender-type={message.senderType}
            data-style={style}
            data-private={message.private ? "true" : "false"}
            data-activity={typeof message.meta?.["code"] === "string" ? message.meta["code"] : undefined}
          >
            {style !== "system" && <span class="message-author">{author(message, style, contactName)}</span>}
            <div class="message-body">
              <LinkifiedText text={message.messageType === "activity" ? activityText(message) : message.content} />
            </div>
            {message.attachment && <AttachmentLink attachment={message.attachment} />}
            <Citations citations={message.citations} />
            <time class="message-time" dateTime={message.createdAt}>
              {formatMessageTime(message.createdAt, now)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
