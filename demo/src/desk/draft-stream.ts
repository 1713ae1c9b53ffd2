/** An AI draft as it streams: deltas are placed by index, so late or repeated frames cannot garble the text. */
import type { AIAnswerCompleted, AIAnswerDelta, AIDraft, Citation, DraftStatus } from "@hummdesk/shared";

export interface DraftView {
  draftId: number;
  conversationId: number;
  status: DraftStatus;
  /** Delta texts by index; only the unbroken run from index 0 is shown. */
  chunks: Readonly<Record<number, string>>;
  /** Text known from the API (a draft loaded mid-stream); shown until the deltas overtake it. */
  storedContent: string;
  citations: Citation[];
  /** The AI message sent to the visitor (auto_reply mode), or the agent's message after accept. */
  sentMessageId: number | null;
}

export function draftFromApi(draft: AIDraft): DraftView {
  return {
    draftId: draft.id,
    conversationId: draft.conversationId,
    status: draft.status,
    chunks: {},
    storedContent: draft.content,
    citations: draft.citations,
    sentMessageId: draft.sentMessageId,
  };
}

/** Merges the API's copy of a draft with what the socket already streamed. */
export function mergeApiDraft(current: DraftView | undefined, draft: AIDraft): DraftView {
  const fromApi = draftFromApi(draft);
  if (!current || current.draftId !== draft.id) return fromApi;
  // The socket may be ahead of the API while streaming; a finished status from the API always wins.
  if (draft.status === "streaming") return { ...current, storedContent: draft.content };
  return { ...fromApi, chunks: current.chunks };
}

export function applyDelta(current: DraftView | undefined, delta: AIAnswerDelta): DraftView {
  if (current && current.draftId > delta.draftId) return current; // a late frame of an older draft
  const base: DraftView =
    current && current.draftId === delta.draftId
      ? current
      : {
          draftId: delta.draftId,
          conversationId: delta.conversationId,
          status: "streaming",
          chunks: {},
          storedContent: "",
          citations: [],
          sentMessageId: null,
        };
  if (base.status !== "streaming" || delta.index in base.chunks) return base;
  return { ...base, chunks: { ...base.chunks, [delta.index]: delta.text } };
}

export function applyCompleted(current: DraftView | undefined, completed: AIAnswerCompleted): DraftView {
  if (current && current.draftId > completed.draftId) return current;
  const keep = current && current.draftId === completed.draftId ? current : undefined;
  return {
    draftId: completed.draftId,
    conversationId: completed.conversationId,
    // A messageId means the AI already answered the visitor (auto_reply): nothing is left to approve.
    status: completed.messageId === undefined ? "ready" : "accepted",
    chunks: keep?.chunks ?? {},
    storedContent: completed.content,
    citations: completed.citations,
    sentMessageId: completed.messageId ?? null,
  };
}

export function streamedText(draft: DraftView): string {
  let text = "";
  for (let index = 0; index in draft.chunks; index += 1) text += draft.chunks[index];
  return text;
}

/** What the desk shows: the final content once complete, else the longer of streamed and stored text. */
export function draftText(draft: DraftView): string {
  if (draft.status !== "streaming") return draft.storedContent || streamedText(draft);
  const streamed = streamedText(draft);
  return streamed.length >= draft.storedContent.length ? streamed : draft.storedContent;
}

/** Drafts an agent can still act on: not yet decided, and not already sent by the AI itself
 * (an auto-reply is history in the thread, not an action). */
export function isActionable(draft: DraftView): boolean {
  return (draft.status === "streaming" || draft.status === "ready") && draft.sentMessageId === null;
}

/** Whether the thread already moved past the draft: an agent answered the visitor's latest message
 * by hand, or the conversation is resolved. Such a draft is no longer offered. */
export function isOvertaken(messages: readonly { senderType: string; private: boolean; messageType: string }[], status: string): boolean {
  if (status === "resolved") return true;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.senderType === "contact") return false;
    if (message.senderType === "agent" && !message.private && message.messageType === "outgoing") return true;
  }
  return false;
}
