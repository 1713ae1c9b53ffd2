/** Conversations, messages, AI classifications and drafts of one account (RLS-bound executor). */
import type {
  AIClassification,
  AICategory,
  AIDraft,
  Citation,
  Conversation,
  ConversationStatus,
  DraftStatus,
  Language,
  Message,
  Priority,
  Sentiment,
  VisitorContext,
} from "@hummdesk/shared";
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { aiClassifications, aiDrafts, contacts, conversations, messages } from "../db/schema.ts";
import { iso, toClassification, toConversation, toDraft, toMessage } from "./mappers.ts";

export interface ConversationFilters {
  status?: ConversationStatus | undefined;
  assigneeId?: number | "none" | undefined;
  teamId?: number | undefined;
  inboxId?: number | undefined;
  priority?: Priority | undefined;
  contactId?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** `lastMessage` previews what the visitor or an agent last wrote (not the AI's answers or activity lines). */
export type ConversationListItem = Conversation & { contactName: string | null; lastMessage: string | null };

export interface NewConversation {
  inboxId: number;
  contactId: number;
  status?: ConversationStatus;
  priority?: Priority;
  teamId?: number | null;
  assigneeId?: number | null;
  visitorContext?: VisitorContext | null;
}

export interface NewMessage {
  conversationId: number;
  senderType: Message["senderType"];
  senderId?: number | null;
  senderName?: string | null;
  messageType: Message["messageType"];
  contentType?: Message["contentType"];
  content: string;
  private?: boolean;
  clientMessageId?: string | null;
  sentiment?: Sentiment | null;
  citations?: Citation[];
  meta?: Record<string, unknown> | null;
}

export type ConversationPatch = Partial<{
  status: ConversationStatus;
  priority: Priority;
  assigneeId: number | null;
  teamId: number | null;
  language: Language | null;
  category: AICategory | null;
  sentiment: Sentiment | null;
  aiConfidence: number | null;
  aiEnabled: boolean;
  handoffRequested: boolean;
  unreadCount: number;
  lastActivityAt: string;
  firstReplyDueAt: string | null;
  firstRepliedAt: string | null;
  resolvedAt: string | null;
  csatScore: number | null;
  csatComment: string | null;
  snoozedUntil: string | null;
}>;

export interface NewClassification {
  conversationId: number;
  messageId: number;
  language: Language;
  category: AICategory;
  priority: Priority;
  sentiment: Sentiment;
  confidence: number;
  model: string;
  latencyMs: number;
}

export interface NewDraft {
  conversationId: number;
  messageId: number;
  content?: string;
  citations?: Citation[];
  status?: DraftStatus;
  model: string;
}

const encodeCursor = (c: Conversation) => Buffer.from(`${c.lastActivityAt}|${c.id}`).toString("base64url");
/** Accepts exactly what encodeCursor writes (an ISO UTC timestamp and an id), nothing PostgreSQL could choke on. */
function decodeCursor(cursor: string): { at: string; id: number } | null {
  const parts = Buffer.from(cursor, "base64url").toString().split("|");
  const [at, id] = parts;
  if (parts.length !== 2 || !at || !id) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) || Number.isNaN(Date.parse(at))) return null;
  if (!/^\d{1,15}$/.test(id)) return null;
  return { at, id: Number(id) };
}

export class InvalidCursorError extends Error {}

interface MessagesAfterOptions {
  conversationIds?: number[];
  includePrivate?: boolean;
  limit?: number;
}

export function conversationStore(tx: Executor, accountId: number) {
  async function messagesAfter(after: number, options: MessagesAfterOptions): Promise<Message[]> {
    const where = [eq(messages.accountId, accountId), gt(messages.id, after)];
    if (options.conversationIds) where.push(inArray(messages.conversationId, options.conversationIds));
    if (!options.includePrivate) where.push(eq(messages.private, false));
    const rows = await tx
      .select()
      .from(messages)
      .where(and(...where))
      .orderBy(asc(messages.id))
      .limit(options.limit ?? 500)
      .prepare("messages_after")
      .execute();
    return rows.map(toMessage);
  }

  return {
    async createConversation(input: NewConversation): Promise<Conversation> {
      const [row] = await tx
        .insert(conversations)
        .values({ accountId, displayId: 0, ...input })
        .returning();
      return toConversation(row!);
    },

    async getConversation(id: number): Promise<Conversation | null> {
      const [row] = await tx
        .select()
        .from(conversations)
        .where(and(eq(conversations.accountId, accountId), eq(conversations.id, id)))
        .prepare("conversation_by_id")
        .execute();
      return row ? toConversation(row) : null;
    },

    async listConversations(filters: ConversationFilters = {}): Promise<{ conversations: ConversationListItem[]; nextCursor: string | null }> {
      const limit = Math.min(Math.max(filters.limit ?? 25, 1), 100);
      const where = [eq(conversations.accountId, accountId)];
      if (filters.status) where.push(eq(conversations.status, filters.status));
      if (filters.assigneeId === "none") where.push(isNull(conversations.assigneeId));
      else if (filters.assigneeId !== undefined) where.push(eq(conversations.assigneeId, filters.assigneeId));
      if (filters.teamId !== undefined) where.push(eq(conversations.teamId, filters.teamId));
      if (filters.inboxId !== undefined) where.push(eq(conversations.inboxId, filters.inboxId));
      if (filters.priority) where.push(eq(conversations.priority, filters.priority));
      if (filters.contactId !== undefined) where.push(eq(conversations.contactId, filters.contactId));
      if (filters.cursor) {
        const cursor = decodeCursor(filters.cursor);
        if (!cursor) throw new InvalidCursorError("cursor is not one this API returned");
        where.push(
          or(
            lt(conversations.lastActivityAt, cursor.at),
            and(eq(conversations.lastActivityAt, cursor.at), lt(conversations.id, cursor.id)),
          )!,
        );
      }
      const rows = await tx
        .select({
          conversation: conversations,
          contactName: contacts.name,
          lastMessage: sql<string | null>`(select m.content from ${messages} m where m.account_id = ${conversations.accountId} and m.conversation_id = ${conversations.id} and m.private = false and m.sender_type in ('contact', 'agent') order by m.id desc limit 1)`,
        })
        .from(conversations)
        .leftJoin(contacts, and(eq(contacts.accountId, conversations.accountId), eq(contacts.id, conversations.contactId)))
        .where(and(...where))
        .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit).map((r) => ({
        ...toConversation(r.conversation),
        contactName: r.contactName,
        lastMessage: r.lastMessage,
      }));
      const last = page.at(-1);
      return { conversations: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    async updateConversation(id: number, patch: ConversationPatch): Promise<Conversation | null> {
      if (Object.keys(patch).length === 0) return this.getConversation(id);
      const [row] = await tx.update(conversations).set(patch).where(and(eq(conversations.accountId, accountId), eq(conversations.id, id))).returning();
      return row ? toConversation(row) : null;
    },

    /** Creates a message; the same clientMessageId in the same conversation returns the stored one. */
    async createMessage(input: NewMessage): Promise<{ message: Message; created: boolean }> {
      const values = { accountId, ...input };
      const [row] = await tx
        .insert(messages)
        .values(values)
        .onConflictDoNothing({ target: [messages.accountId, messages.conversationId, messages.clientMessageId] })
        .returning();
      if (row) return { message: toMessage(row), created: true };
      const [existing] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.accountId, accountId), eq(messages.conversationId, input.conversationId), eq(messages.clientMessageId, input.clientMessageId ?? "")));
      if (!existing) throw new Error("message conflict without a stored message");
      return { message: toMessage(existing), created: false };
    },

    /** Ids of all conversations of a contact (a visitor socket's resume covers them all). */
    /** The contact's conversation ids in one inbox (a visitor token never reaches another inbox's). */
    async conversationIdsOfContact(contactId: number, inboxId: number): Promise<number[]> {
      const rows = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.accountId, accountId), eq(conversations.contactId, contactId), eq(conversations.inboxId, inboxId)))
        .prepare("conversation_ids_of_contact")
        .execute();
      return rows.map((r) => r.id);
    },

    /** Moves every conversation (and the contact's own messages) of one contact to another: a
     * visitor who proves an identifier brings what they wrote anonymously along. */
    async moveConversations(fromContactId: number, toContactId: number): Promise<void> {
      const moved = await tx
        .update(conversations)
        .set({ contactId: toContactId })
        .where(and(eq(conversations.accountId, accountId), eq(conversations.contactId, fromContactId)))
        .returning({ id: conversations.id });
      if (moved.length === 0) return;
      await tx
        .update(messages)
        .set({ senderId: toContactId })
        .where(
          and(
            eq(messages.accountId, accountId),
            inArray(
              messages.conversationId,
              moved.map((c) => c.id),
            ),
            eq(messages.senderType, "contact"),
          ),
        );
    },

    /** The contact's newest conversation in an inbox that is not resolved (a lean look-up for sends). */
    async findOpenConversation(contactId: number, inboxId: number): Promise<Conversation | null> {
      const [row] = await tx
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.accountId, accountId),
            eq(conversations.contactId, contactId),
            eq(conversations.inboxId, inboxId),
            ne(conversations.status, "resolved"),
          ),
        )
        .orderBy(desc(conversations.id))
        .limit(1)
        .prepare("open_conversation_of_contact")
        .execute();
      return row ? toConversation(row) : null;
    },

    /** Conversations changed at or after a time (newest change last), optionally one contact's
     * in one inbox: what a socket catches up on after its node may have missed events. */
    async conversationsChangedSince(since: string, options: { contactId?: number; inboxId?: number; limit?: number } = {}): Promise<Conversation[]> {
      const where = [eq(conversations.accountId, accountId), gte(conversations.updatedAt, since)];
      if (options.contactId !== undefined) where.push(eq(conversations.contactId, options.contactId));
      if (options.inboxId !== undefined) where.push(eq(conversations.inboxId, options.inboxId));
      const rows = await tx
        .select()
        .from(conversations)
        .where(and(...where))
        .orderBy(asc(conversations.updatedAt), asc(conversations.id))
        .limit(Math.min(options.limit ?? 500, 1000));
      return rows.map(toConversation);
    },

    /** Counts one more unread visitor message, atomically (no lost update against a read). */
    async bumpUnread(id: number, lastActivityAt: string): Promise<Conversation | null> {
      const [row] = await tx
        .update(conversations)
        .set({
          unreadCount: sql`${conversations.unreadCount} + 1`,
          lastActivityAt,
          status: sql`case when ${conversations.status} in ('pending', 'snoozed') then 'open'::conversation_status else ${conversations.status} end`,
          // A visitor message wakes a snoozed conversation.
          snoozedUntil: null,
        })
        .where(and(eq(conversations.accountId, accountId), eq(conversations.id, id)))
        .returning();
      return row ? toConversation(row) : null;
    },

    /** Wakes a snoozed conversation whose time has come (status open, no wake time); null when it
     * is not snoozed any more or not due yet by the database's clock. One conditional statement, so
     * sweeps on several nodes wake a conversation once. */
    async wakeSnoozedConversation(id: number): Promise<Conversation | null> {
      const [row] = await tx
        .update(conversations)
        .set({ status: "open", snoozedUntil: null })
        .where(and(eq(conversations.accountId, accountId), eq(conversations.id, id), eq(conversations.status, "snoozed"), lte(conversations.snoozedUntil, sql`now()`)))
        .returning();
      return row ? toConversation(row) : null;
    },

    /** Serialises one visitor's sends (find-or-create of contact and conversation). */
    async lockVisitor(visitorId: string): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`visitor:${visitorId}`}))`);
    },

    /** Serialises joins to one verified identifier (two devices proving it at once make one contact). */
    async lockIdentifier(identifier: string): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`identifier:${accountId}:${identifier}`}))`);
    },

    /** A message a contact sent with this clientMessageId, in any of its conversations. */
    async findVisitorMessage(contactId: number, clientMessageId: string): Promise<Message | null> {
      const [row] = await tx
        .select({ message: messages })
        .from(messages)
        .innerJoin(conversations, and(eq(conversations.accountId, messages.accountId), eq(conversations.id, messages.conversationId)))
        .where(and(eq(messages.accountId, accountId), eq(conversations.contactId, contactId), eq(messages.clientMessageId, clientMessageId)))
        .orderBy(desc(messages.id))
        .limit(1);
      return row ? toMessage(row.message) : null;
    },

    /** The message sent into a conversation with this clientMessageId, if any. */
    async findMessageByClientId(conversationId: number, clientMessageId: string): Promise<Message | null> {
      const [row] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.accountId, accountId), eq(messages.conversationId, conversationId), eq(messages.clientMessageId, clientMessageId)));
      return row ? toMessage(row) : null;
    },

    async getMessage(id: number): Promise<Message | null> {
      const [row] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.accountId, accountId), eq(messages.id, id)))
        .prepare("message_by_id")
        .execute();
      return row ? toMessage(row) : null;
    },

    /** Messages of a conversation after an id, oldest first. */
    async getConversationMessages(
      conversationId: number,
      options: { after?: number; includePrivate?: boolean; limit?: number } = {},
    ): Promise<Message[]> {
      return messagesAfter(options.after ?? 0, { ...options, conversationIds: [conversationId] });
    },

    /** The first visitor message of each conversation, by conversation id (titles of a visitor's earlier conversations). */
    async firstVisitorMessages(conversationIds: number[]): Promise<Map<number, string>> {
      if (conversationIds.length === 0) return new Map();
      const rows = await tx
        .selectDistinctOn([messages.conversationId], { conversationId: messages.conversationId, content: messages.content })
        .from(messages)
        .where(and(eq(messages.accountId, accountId), inArray(messages.conversationId, conversationIds), eq(messages.senderType, "contact")))
        .orderBy(messages.conversationId, messages.id);
      return new Map(rows.map((row) => [row.conversationId, row.content]));
    },

    /** Messages of several conversations after an id (a socket's resume), oldest first. */
    async listMessagesAfter(after: number, options: MessagesAfterOptions = {}) {
      return messagesAfter(after, options);
    },

    async saveAIClassification(input: NewClassification): Promise<AIClassification> {
      const [row] = await tx
        .insert(aiClassifications)
        .values({ accountId, ...input })
        .onConflictDoUpdate({
          target: [aiClassifications.accountId, aiClassifications.messageId],
          set: { language: input.language, category: input.category, priority: input.priority, sentiment: input.sentiment, confidence: input.confidence, model: input.model, latencyMs: input.latencyMs },
        })
        .returning();
      return toClassification(row!);
    },

    async getLatestClassification(conversationId: number): Promise<AIClassification | null> {
      const [row] = await tx
        .select()
        .from(aiClassifications)
        .where(and(eq(aiClassifications.accountId, accountId), eq(aiClassifications.conversationId, conversationId)))
        .orderBy(desc(aiClassifications.id))
        .limit(1);
      return row ? toClassification(row) : null;
    },

    /** Creates the draft of a message, or returns the one it already has (never two). */
    async saveAIDraft(input: NewDraft): Promise<{ draft: AIDraft; created: boolean }> {
      const [row] = await tx
        .insert(aiDrafts)
        .values({ accountId, ...input })
        .onConflictDoNothing({ target: [aiDrafts.accountId, aiDrafts.messageId] })
        .returning();
      if (row) return { draft: toDraft(row), created: true };
      const [existing] = await tx.select().from(aiDrafts).where(and(eq(aiDrafts.accountId, accountId), eq(aiDrafts.messageId, input.messageId)));
      return { draft: toDraft(existing!), created: false };
    },

    async getDraft(id: number): Promise<AIDraft | null> {
      const [row] = await tx.select().from(aiDrafts).where(and(eq(aiDrafts.accountId, accountId), eq(aiDrafts.id, id)));
      return row ? toDraft(row) : null;
    },

    async getLatestDraft(conversationId: number): Promise<AIDraft | null> {
      const [row] = await tx.select().from(aiDrafts).where(and(eq(aiDrafts.accountId, accountId), eq(aiDrafts.conversationId, conversationId))).orderBy(desc(aiDrafts.id)).limit(1);
      return row ? toDraft(row) : null;
    },

    async listDrafts(conversationId: number): Promise<AIDraft[]> {
      const rows = await tx.select().from(aiDrafts).where(and(eq(aiDrafts.accountId, accountId), eq(aiDrafts.conversationId, conversationId))).orderBy(desc(aiDrafts.id));
      return rows.map(toDraft);
    },

    async updateDraft(
      id: number,
      patch: Partial<{ status: DraftStatus; content: string; citations: Citation[]; sentMessageId: number | null; model: string }>,
    ): Promise<AIDraft | null> {
      const [row] = await tx.update(aiDrafts).set(patch).where(and(eq(aiDrafts.accountId, accountId), eq(aiDrafts.id, id))).returning();
      return row ? toDraft(row) : null;
    },

    /** Drafts nobody acted on that an agent's own reply or a resolve made moot: they leave the desk's actions. */
    async supersedeDrafts(conversationId: number): Promise<AIDraft[]> {
      const rows = await tx
        .update(aiDrafts)
        .set({ status: "superseded" })
        .where(
          and(
            eq(aiDrafts.accountId, accountId),
            eq(aiDrafts.conversationId, conversationId),
            eq(aiDrafts.status, "ready"),
            isNull(aiDrafts.sentMessageId),
          ),
        )
        .returning();
      return rows.map(toDraft);
    },

    /** A conversation locked for the rest of the transaction, with the times the API does not show. */
    async lockConversation(id: number): Promise<{ conversation: Conversation; firstRepliedAt: string | null; resolvedAt: string | null } | null> {
      const [row] = await tx.select().from(conversations).where(and(eq(conversations.accountId, accountId), eq(conversations.id, id))).for("update");
      return row ? { conversation: toConversation(row), firstRepliedAt: iso(row.firstRepliedAt), resolvedAt: iso(row.resolvedAt) } : null;
    },

    /** The latest messages of a conversation (at most `limit`), oldest first. */
    async getRecentMessages(conversationId: number, options: { includePrivate?: boolean; limit?: number } = {}): Promise<Message[]> {
      const where = [eq(messages.accountId, accountId), eq(messages.conversationId, conversationId)];
      if (!options.includePrivate) where.push(eq(messages.private, false));
      const rows = await tx
        .select()
        .from(messages)
        .where(and(...where))
        .orderBy(desc(messages.id))
        .limit(options.limit ?? 500)
        .prepare("recent_messages")
        .execute();
      return rows.reverse().map(toMessage);
    },

    /** A draft locked for the rest of the transaction (two agents cannot both send it). */
    async lockDraft(id: number): Promise<AIDraft | null> {
      const [row] = await tx.select().from(aiDrafts).where(and(eq(aiDrafts.accountId, accountId), eq(aiDrafts.id, id))).for("update");
      return row ? toDraft(row) : null;
    },
  };
}

export type ConversationStore = ReturnType<typeof conversationStore>;
