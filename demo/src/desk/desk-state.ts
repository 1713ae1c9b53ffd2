/** The desk's state and the pure reducer that folds API responses and socket frames into it. */
import type { AIDraft, AgentServerFrame, Conversation, ConversationDetail, Message } from "@hummdesk/shared";
import type { ListedConversation } from "../api-client.ts";
import { byLastActivity, type ConversationFilter, matchesFilter } from "./conversation-filter.ts";
import { applyCompleted, applyDelta, type DraftView, mergeApiDraft } from "./draft-stream.ts";

export interface TypingIndicator {
  senderType: "contact" | "agent";
  senderName: string | null;
  /** A typing "on" that is never turned off (a closed tab) fades after a few seconds. */
  until: number;
}

export interface OpenConversation {
  conversation: Conversation;
  contact: ConversationDetail["contact"];
  messages: Message[];
  /** The visitor's other conversations, newest first: null while loading, "failed" when they could not be. */
  otherConversations: ListedConversation[] | "failed" | null;
}

export interface DeskState {
  myUserId: number;
  filter: ConversationFilter;
  conversations: ListedConversation[];
  nextCursor: string | null;
  listLoaded: boolean;
  selectedId: number | null;
  open: OpenConversation | null;
  /** The latest draft per conversation id, streamed or loaded. */
  drafts: Readonly<Record<number, DraftView>>;
  typing: Readonly<Record<number, TypingIndicator>>;
}

export type DeskAction =
  | { type: "filterChanged"; filter: ConversationFilter }
  | { type: "listLoaded"; conversations: ListedConversation[]; nextCursor: string | null; append: boolean }
  | { type: "selected"; conversationId: number | null }
  | { type: "detailLoaded"; detail: ConversationDetail }
  | { type: "otherConversationsLoaded"; conversationId: number; conversations: ListedConversation[] | "failed" }
  | { type: "listItemLoaded"; detail: ConversationDetail }
  | { type: "conversationChanged"; conversation: Conversation }
  | { type: "messageReceived"; message: Message }
  | { type: "draftChanged"; draft: AIDraft }
  | { type: "frame"; frame: AgentServerFrame; now: number };

const TYPING_FADE_MS = 6000;

export function initialDeskState(myUserId: number, filter: ConversationFilter): DeskState {
  return {
    myUserId,
    filter,
    conversations: [],
    nextCursor: null,
    listLoaded: false,
    selectedId: null,
    open: null,
    drafts: {},
    typing: {},
  };
}

/** The text a list row previews: what the visitor and agents said, not notes, activity lines or
 * the AI's answers (whose stock opening would make every row look alike). */
function isPreviewable(message: Message): boolean {
  return !message.private && message.messageType !== "activity" && message.messageType !== "note" && (message.senderType === "contact" || message.senderType === "agent");
}

function insertMessage(messages: readonly Message[], message: Message): Message[] {
  const index = messages.findIndex((existing) => existing.id === message.id);
  if (index >= 0) return messages.map((existing, i) => (i === index ? message : existing));
  return [...messages, message].sort((a, b) => a.id - b.id);
}

function lastPreviewable(messages: readonly Message[]): Message | undefined {
  return messages.findLast(isPreviewable);
}

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function upsertConversation(state: DeskState, conversation: Conversation): ListedConversation[] {
  const existing = state.conversations.find((item) => item.id === conversation.id);
  const matches = matchesFilter(conversation, state.filter, state.myUserId);
  // The conversation on screen is being read, so it never shows as unread.
  const unreadCount = conversation.id === state.selectedId ? 0 : conversation.unreadCount;
  if (!existing) {
    if (!matches) return state.conversations;
    return [...state.conversations, { ...conversation, unreadCount, contactName: null, lastMessage: null }].sort(byLastActivity);
  }
  if (!matches) return state.conversations.filter((item) => item.id !== conversation.id);
  const merged = { ...existing, ...conversation, unreadCount };
  return state.conversations.map((item) => (item.id === conversation.id ? merged : item)).sort(byLastActivity);
}

/** The open conversation after a change to it, or to one of the visitor's other conversations (a rating, a status). */
function openWithChange(open: OpenConversation | null, conversation: Conversation): OpenConversation | null {
  if (!open) return open;
  if (open.conversation.id === conversation.id) return { ...open, conversation };
  const others = open.otherConversations;
  if (!Array.isArray(others) || !others.some((item) => item.id === conversation.id)) return open;
  return { ...open, otherConversations: others.map((item) => (item.id === conversation.id ? { ...item, ...conversation } : item)) };
}

function receiveMessage(state: DeskState, message: Message): DeskState {
  const conversations = state.conversations
    .map((item) => {
      if (item.id !== message.conversationId) return item;
      // Counted here only when the message is newer than the row: a conversation.updated that
      // already carried it (and the server's count) is not counted twice.
      const unseen =
        message.senderType === "contact" &&
        message.conversationId !== state.selectedId &&
        Date.parse(message.createdAt) > Date.parse(item.updatedAt);
      return {
        ...item,
        lastMessage: isPreviewable(message) ? message.content : item.lastMessage,
        lastActivityAt: later(item.lastActivityAt, message.createdAt),
        unreadCount: unseen ? item.unreadCount + 1 : item.unreadCount,
      };
    })
    .sort(byLastActivity);
  const open =
    state.open && state.open.conversation.id === message.conversationId
      ? { ...state.open, messages: insertMessage(state.open.messages, message) }
      : state.open;
  let typing = state.typing;
  if (message.senderType === "contact" && message.conversationId in typing) {
    const { [message.conversationId]: _stopped, ...rest } = typing;
    typing = rest;
  }
  return { ...state, conversations, open, typing };
}

function receiveFrame(state: DeskState, frame: AgentServerFrame, now: number): DeskState {
  switch (frame.type) {
    case "message.created":
    case "message.updated":
      return receiveMessage(state, frame.data);
    case "conversation.updated":
      return deskReducer(state, { type: "conversationChanged", conversation: frame.data });
    case "typing": {
      const { conversationId, on, senderType, senderName } = frame.data;
      const { [conversationId]: _previous, ...rest } = state.typing;
      return { ...state, typing: on ? { ...rest, [conversationId]: { senderType, senderName, until: now + TYPING_FADE_MS } } : rest };
    }
    case "ai.answer.delta": {
      const { conversationId } = frame.data;
      return { ...state, drafts: { ...state.drafts, [conversationId]: applyDelta(state.drafts[conversationId], frame.data) } };
    }
    case "ai.answer.completed": {
      const { conversationId } = frame.data;
      return { ...state, drafts: { ...state.drafts, [conversationId]: applyCompleted(state.drafts[conversationId], frame.data) } };
    }
    default:
      return state;
  }
}

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case "filterChanged":
      return { ...state, filter: action.filter, conversations: [], nextCursor: null, listLoaded: false };
    case "listLoaded": {
      const incoming = action.conversations.map((item) => (item.id === state.selectedId ? { ...item, unreadCount: 0 } : item));
      const known = action.append ? state.conversations : [];
      const ids = new Set(incoming.map((item) => item.id));
      return {
        ...state,
        conversations: [...known.filter((item) => !ids.has(item.id)), ...incoming].sort(byLastActivity),
        nextCursor: action.nextCursor,
        listLoaded: true,
      };
    }
    case "selected":
      if (action.conversationId === state.selectedId) return state;
      return {
        ...state,
        selectedId: action.conversationId,
        open: null,
        conversations: state.conversations.map((item) => (item.id === action.conversationId ? { ...item, unreadCount: 0 } : item)),
      };
    case "detailLoaded": {
      const { conversation, contact, messages, latestDraft } = action.detail;
      if (conversation.id !== state.selectedId) return state;
      const drafts = latestDraft
        ? { ...state.drafts, [conversation.id]: mergeApiDraft(state.drafts[conversation.id], latestDraft) }
        : state.drafts;
      const withConversation = deskReducer(state, { type: "conversationChanged", conversation });
      // A reload of the same conversation (after a reconnect) keeps the list it already has.
      const otherConversations = state.open?.conversation.id === conversation.id ? state.open.otherConversations : null;
      return {
        ...withConversation,
        open: { conversation, contact, messages: [...messages].sort((a, b) => a.id - b.id), otherConversations },
        drafts,
      };
    }
    case "otherConversationsLoaded": {
      if (state.open?.conversation.id !== action.conversationId) return state;
      const others = action.conversations === "failed" ? "failed" : action.conversations.filter((item) => item.id !== action.conversationId);
      return { ...state, open: { ...state.open, otherConversations: others } };
    }
    case "listItemLoaded": {
      const { conversation, contact, messages } = action.detail;
      if (state.conversations.some((item) => item.id === conversation.id)) {
        return {
          ...state,
          conversations: state.conversations.map((item) =>
            item.id === conversation.id
              ? { ...item, contactName: contact.name ?? contact.email, lastMessage: lastPreviewable(messages)?.content ?? item.lastMessage }
              : item,
          ),
        };
      }
      if (!matchesFilter(conversation, state.filter, state.myUserId)) return state;
      const listed: ListedConversation = {
        ...conversation,
        unreadCount: conversation.id === state.selectedId ? 0 : conversation.unreadCount,
        contactName: contact.name ?? contact.email,
        lastMessage: lastPreviewable(messages)?.content ?? null,
      };
      return { ...state, conversations: [...state.conversations, listed].sort(byLastActivity) };
    }
    case "conversationChanged":
      return { ...state, conversations: upsertConversation(state, action.conversation), open: openWithChange(state.open, action.conversation) };
    case "messageReceived":
      return receiveMessage(state, action.message);
    case "draftChanged": {
      const { conversationId } = action.draft;
      return { ...state, drafts: { ...state.drafts, [conversationId]: mergeApiDraft(state.drafts[conversationId], action.draft) } };
    }
    case "frame":
      return receiveFrame(state, action.frame, action.now);
  }
}

/** Conversations a list row or the open view knows nothing about yet, so the page can load them. */
export function isUnknownConversation(state: DeskState, conversationId: number): boolean {
  return !state.conversations.some((item) => item.id === conversationId) && state.open?.conversation.id !== conversationId;
}
