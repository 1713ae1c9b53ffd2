/** The widget's state and the pure reducer every server frame and visitor action goes through. */
import type {
  AIAnswerCompleted,
  AIAnswerDelta,
  TypingEvent,
  VisitorConversation,
  VisitorHistoryResponse,
  VisitorMessage,
  WidgetConfig,
} from "@hummdesk/shared";

/** A message the visitor wrote that the server has not acknowledged yet (persisted across reloads). */
export interface OutboxEntry {
  clientMessageId: string;
  content: string;
  email?: string;
  /** A file to upload and send with the message (kept in memory only: a reload cannot resend it). */
  file?: File;
  createdAt: string;
  /** "failed" shows a retry button; a transient failure keeps retrying in the background. */
  delivery: "sending" | "failed";
  /** True when the server refused the message (4xx): it is not retried without the visitor. */
  refused?: boolean;
}

/** An AI answer arriving in pieces; `parts[index]` holds the delta with that index. */
export interface AnswerStream {
  draftId: number;
  conversationId: number;
  parts: (string | undefined)[];
}

export interface WidgetState {
  config: WidgetConfig | null;
  open: boolean;
  /** Server messages, unique by id, ascending by id. */
  messages: VisitorMessage[];
  outbox: OutboxEntry[];
  streams: AnswerStream[];
  /** Drafts already completed: late deltas of these are ignored. */
  finishedDrafts: number[];
  conversation: VisitorConversation | null;
  previousConversations: VisitorConversation[];
  /** An earlier conversation the visitor is reading, or null for the current one. */
  viewing: number | null;
  /** The highest message id the visitor has seen with the panel open. */
  lastSeenId: number;
  agentTyping: TypingEvent | null;
  handoffRequested: number[];
  email: string | null;
  /** What the visitor is writing (the composer's text). */
  draft: string;
  /** The latest agent or AI message that arrived live, for the screen-reader announcement. */
  announcement: VisitorMessage | null;
  /** False while the browser says it is offline: the header must not promise "Online". */
  networkOnline: boolean;
}

export type Action =
  /** Fields taken as given: the inbox's config, setLocale, the conversation read, the visitor's email, the draft. */
  | { type: "set"; fields: Partial<Pick<WidgetState, "config" | "viewing" | "email" | "draft" | "networkOnline">> }
  | { type: "open" }
  | { type: "close" }
  | { type: "history"; history: VisitorHistoryResponse }
  | { type: "conversationMessages"; messages: VisitorMessage[] }
  | { type: "received"; message: VisitorMessage }
  | { type: "conversation"; conversation: VisitorConversation }
  | { type: "enqueued"; entry: OutboxEntry }
  | { type: "delivery"; clientMessageId: string; delivery: OutboxEntry["delivery"]; refused?: boolean }
  | { type: "acknowledged"; clientMessageId: string; message: VisitorMessage; conversation: VisitorConversation }
  | { type: "outboxSynced"; outbox: OutboxEntry[] }
  | { type: "delta"; delta: AIAnswerDelta }
  | { type: "completed"; completed: AIAnswerCompleted; at: string }
  | { type: "typing"; typing: TypingEvent }
  | { type: "typingExpired" }
  | { type: "seen"; lastSeenId: number }
  | { type: "handoff"; conversation: VisitorConversation }
  | { type: "reset" };

export function initialState(persisted: Partial<Pick<WidgetState, "outbox" | "lastSeenId" | "email">> = {}): WidgetState {
  return {
    config: null,
    open: false,
    messages: [],
    outbox: persisted.outbox ?? [],
    streams: [],
    finishedDrafts: [],
    conversation: null,
    previousConversations: [],
    viewing: null,
    lastSeenId: persisted.lastSeenId ?? 0,
    agentTyping: null,
    handoffRequested: [],
    email: persisted.email ?? null,
    draft: "",
    announcement: null,
    networkOnline: true,
  };
}

const FINISHED_DRAFTS_KEPT = 50;

/** Inserts or replaces by id, keeping ascending id order; the server's copy always wins. */
function upsertMessages(messages: VisitorMessage[], incoming: VisitorMessage[]): VisitorMessage[] {
  if (incoming.length === 0) return messages;
  const byId = new Map(messages.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function withoutAcknowledged(outbox: OutboxEntry[], messages: VisitorMessage[]): OutboxEntry[] {
  const acknowledged = new Set(messages.map((message) => message.clientMessageId).filter(Boolean));
  const remaining = outbox.filter((entry) => !acknowledged.has(entry.clientMessageId));
  return remaining.length === outbox.length ? outbox : remaining;
}

function maxId(messages: VisitorMessage[]): number {
  return messages[messages.length - 1]?.id ?? 0;
}

/** Makes `conversation` known: a newer one becomes current and the current one moves to the earlier ones. */
function adoptConversation(state: WidgetState, conversation: VisitorConversation): WidgetState {
  const current = state.conversation;
  if (!current || conversation.id === current.id) return { ...state, conversation };
  if (conversation.id > current.id) {
    const previous = state.previousConversations.filter((c) => c.id !== current.id && c.id !== conversation.id);
    return { ...state, conversation, previousConversations: [current, ...previous] };
  }
  return {
    ...state,
    previousConversations: state.previousConversations.map((c) => (c.id === conversation.id ? conversation : c)),
  };
}

/** Makes an older conversation current again (an agent reopened it and replied); the current one becomes an earlier one. */
function switchTo(state: WidgetState, conversation: VisitorConversation): WidgetState {
  const current = state.conversation;
  const others = state.previousConversations.filter((c) => c.id !== conversation.id && c.id !== current?.id);
  const previous = (current ? [current, ...others] : others).sort((a, b) => b.id - a.id);
  return { ...state, conversation, previousConversations: previous, viewing: state.viewing === conversation.id ? null : state.viewing };
}

/** Adds server messages: dedupes, drops their optimistic copies, follows a newer conversation, tracks reading. */
function addMessages(state: WidgetState, incoming: VisitorMessage[]): WidgetState {
  let next: WidgetState = { ...state, messages: upsertMessages(state.messages, incoming) };
  next.outbox = withoutAcknowledged(state.outbox, incoming);
  for (const message of incoming) {
    const currentId = next.conversation?.id ?? 0;
    if (message.conversationId > currentId) {
      next = adoptConversation(next, {
        id: message.conversationId,
        status: "open",
        createdAt: message.createdAt,
        lastActivityAt: message.createdAt,
      });
    } else if (message.conversationId < currentId && (message.senderType === "agent" || message.senderType === "ai")) {
      // A reply in an earlier conversation (reopened on the desk): show it where the visitor looks.
      const earlier = next.previousConversations.find((c) => c.id === message.conversationId);
      next = switchTo(next, {
        ...(earlier ?? { id: message.conversationId, createdAt: message.createdAt }),
        status: earlier && earlier.status !== "resolved" ? earlier.status : "open",
        lastActivityAt: message.createdAt,
      });
    }
    if (message.senderType === "ai") {
      next.streams = next.streams.filter((stream) => stream.conversationId !== message.conversationId);
    }
    if (message.senderType === "agent" && next.agentTyping) next.agentTyping = null;
  }
  if (next.open && next.viewing === null) next.lastSeenId = Math.max(next.lastSeenId, maxId(next.messages));
  return next;
}

/** Points the announcer at `message` when it is a new agent or AI message. */
function announce(before: WidgetState, after: WidgetState, message: VisitorMessage): WidgetState {
  const isNew = after.messages.length > before.messages.length;
  return isNew && message.senderType !== "contact" && message.senderType !== "system"
    ? { ...after, announcement: message }
    : after;
}

function applyDelta(state: WidgetState, delta: AIAnswerDelta): WidgetState {
  if (state.finishedDrafts.includes(delta.draftId)) return state;
  const existing = state.streams.find((stream) => stream.draftId === delta.draftId);
  const parts = existing ? [...existing.parts] : [];
  parts[delta.index] = delta.text;
  const stream: AnswerStream = { draftId: delta.draftId, conversationId: delta.conversationId, parts };
  const streams = existing
    ? state.streams.map((s) => (s === existing ? stream : s))
    : [...state.streams, stream];
  return { ...state, streams };
}

function applyCompleted(state: WidgetState, completed: AIAnswerCompleted, at: string): WidgetState {
  const next: WidgetState = {
    ...state,
    streams: state.streams.filter((stream) => stream.draftId !== completed.draftId),
    finishedDrafts: [...state.finishedDrafts, completed.draftId].slice(-FINISHED_DRAFTS_KEPT),
  };
  // No message id: the answer went to the agents only, so the visitor's stream simply ends.
  if (completed.messageId === undefined) return next;
  if (next.messages.some((message) => message.id === completed.messageId)) return next;
  const message: VisitorMessage = {
      id: completed.messageId,
      conversationId: completed.conversationId,
      senderType: "ai",
      senderName: null,
      messageType: "outgoing",
      contentType: "text",
      content: completed.content,
      clientMessageId: null,
      citations: completed.citations,
      createdAt: at,
  };
  return announce(state, addMessages(next, [message]), message);
}

export function reduce(state: WidgetState, action: Action): WidgetState {
  switch (action.type) {
    case "set":
      return { ...state, ...action.fields };
    case "open":
      return { ...state, open: true, lastSeenId: Math.max(state.lastSeenId, maxId(state.messages)) };
    case "close":
      return { ...state, open: false, viewing: null };
    case "history": {
      const { history } = action;
      let next = addMessages(state, history.messages);
      if (history.conversation) next = adoptConversation(next, history.conversation);
      const currentId = next.conversation?.id;
      const previous = history.previousConversations.filter((c) => c.id !== currentId);
      return { ...next, previousConversations: previous };
    }
    case "conversationMessages":
      return { ...state, messages: upsertMessages(state.messages, action.messages) };
    case "received":
      return announce(state, addMessages(state, [action.message]), action.message);
    case "conversation":
      return adoptConversation(state, action.conversation);
    case "enqueued":
      if (state.outbox.some((entry) => entry.clientMessageId === action.entry.clientMessageId)) return state;
      return { ...state, outbox: [...state.outbox, action.entry], viewing: null, draft: action.entry.file ? state.draft : "" };
    case "delivery":
      return {
        ...state,
        outbox: state.outbox.map((entry) =>
          entry.clientMessageId === action.clientMessageId
            ? { ...entry, delivery: action.delivery, refused: action.refused }
            : entry,
        ),
      };
    case "acknowledged":
      return addMessages(adoptConversation(state, action.conversation), [action.message]);
    case "outboxSynced":
      return { ...state, outbox: withoutAcknowledged(action.outbox, state.messages) };
    case "delta":
      return applyDelta(state, action.delta);
    case "completed":
      return applyCompleted(state, action.completed, action.at);
    case "typing":
      if (action.typing.senderType !== "agent") return state;
      return { ...state, agentTyping: action.typing.on ? action.typing : null };
    case "typingExpired":
      return state.agentTyping ? { ...state, agentTyping: null } : state;
    case "seen":
      return action.lastSeenId > state.lastSeenId ? { ...state, lastSeenId: action.lastSeenId } : state;
    case "handoff":
      return {
        ...adoptConversation(state, action.conversation),
        handoffRequested: [...state.handoffRequested, action.conversation.id],
      };
    case "reset":
      return { ...initialState(), config: state.config, open: state.open, networkOnline: state.networkOnline };
  }
}

/** The text of a stream so far: the deltas in index order, up to the first one still missing. */
export function streamText(stream: AnswerStream): string {
  let text = "";
  for (let index = 0; index < stream.parts.length; index++) {
    const part = stream.parts[index];
    if (part === undefined) break;
    text += part;
  }
  return text;
}

/** One bubble in the message list, whatever its source. */
export type TimelineItem = Pick<VisitorMessage, "senderType" | "senderName" | "content" | "citations" | "clientMessageId" | "attachment"> & {
  key: string;
  createdAt: string | null;
  delivery: "sending" | "sent" | "failed" | "streaming" | null;
};

/** The conversation on screen: its server messages, then unsent messages, then answers still streaming. */
export function timeline(state: WidgetState): TimelineItem[] {
  const shownId = state.viewing ?? state.conversation?.id;
  const shown = (item: { conversationId: number }) => !shownId || item.conversationId === shownId;
  const items: TimelineItem[] = state.messages.filter(shown).map((message) => ({
    ...message,
    // Keyed by the client id when there is one, so the optimistic bubble becomes the server's in place.
    key: message.clientMessageId ? `c${message.clientMessageId}` : `m${message.id}`,
    delivery: message.senderType === "contact" ? "sent" : null,
  }));
  if (state.viewing !== null) return items;
  for (const entry of state.outbox) {
    items.push({ ...entry, key: `c${entry.clientMessageId}`, senderType: "contact", senderName: null, citations: [] });
  }
  for (const stream of state.streams.filter(shown)) {
    items.push({
      key: `d${stream.draftId}`,
      senderType: "ai",
      senderName: null,
      content: streamText(stream),
      createdAt: null,
      delivery: "streaming",
      citations: [],
      clientMessageId: null,
    });
  }
  return items;
}

/** Agent and AI messages that arrived after the visitor last had the panel open. */
export function unreadCount(state: WidgetState): number {
  return state.messages.filter(
    (message) => message.id > state.lastSeenId && (message.senderType === "agent" || message.senderType === "ai"),
  ).length;
}

/** The id the socket resumes after. */
export function lastMessageId(state: WidgetState): number {
  return maxId(state.messages);
}

/** True when the inbox asks for an email before the first message and none is known. */
export function needsEmail(state: WidgetState): boolean {
  return Boolean(state.config?.requireEmail) && !state.email && !state.conversation && state.messages.length === 0;
}
