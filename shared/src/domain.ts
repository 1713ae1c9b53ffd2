/** Domain records as the API returns them: camelCase, ids as numbers, times as ISO strings. */
import { z } from "zod";
import {
  AccountStatus,
  AICategory,
  AIMode,
  Availability,
  Channel,
  ContentType,
  ConversationStatus,
  DraftStatus,
  Language,
  MessageType,
  Priority,
  Role,
  SenderType,
  Sentiment,
  WidgetLocale,
  WidgetPosition,
} from "./enums.ts";

const Id = z.number().int().positive();
const Timestamp = z.string();
const Attributes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const Account = z.object({
  id: Id,
  name: z.string(),
  subdomain: z.string(),
  status: AccountStatus,
  locale: WidgetLocale,
  settings: z.object({ categoryTeams: z.record(z.string(), z.number().int()).default({}) }).passthrough(),
  createdAt: Timestamp,
});

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  createdAt: Timestamp,
});

export const Agent = z.object({
  userId: Id,
  accountId: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  /** The agent's own choice; routing also needs `present`. */
  availability: Availability,
  /** A desk of this agent is connected now (or was within the grace period). */
  present: z.boolean(),
  maxConcurrent: z.number().int(),
  openConversations: z.number().int(),
  lastSeenAt: Timestamp.nullable(),
});

export const Team = z.object({
  id: Id,
  accountId: Id,
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  categories: z.array(AICategory),
  createdAt: Timestamp,
});

export const TeamAvailability = z.object({
  teamId: Id,
  teamName: z.string(),
  onlineAgents: z.number().int(),
  totalAgents: z.number().int(),
  openConversations: z.number().int(),
  capacity: z.number().int(),
  utilisation: z.number(),
});

export const BusinessHours = z.object({
  timezone: z.string(),
  /** Monday = 1 ... Sunday = 7; times "HH:MM". A missing day is closed. */
  days: z.record(z.string(), z.object({ open: z.string(), close: z.string() })),
});

/** Where the visitor is, sent with the first message of a conversation; shown to agents beside it. */
export const VisitorContext = z.object({
  pageUrl: z.string().max(2048).optional(),
  pageTitle: z.string().max(512).optional(),
  referrer: z.string().max(2048).optional(),
  userAgent: z.string().max(512).optional(),
  /** IANA zone, e.g. "Europe/Helsinki". */
  timezone: z.string().max(64).optional(),
  /** The visitor's local time when sent, ISO with offset. */
  localTime: z.string().max(40).optional(),
  /** The browser's language tag, e.g. "fi-FI". */
  locale: z.string().max(35).optional(),
});

export const Inbox = z.object({
  id: Id,
  accountId: Id,
  name: z.string(),
  channel: Channel,
  websiteToken: z.string(),
  websiteUrl: z.string().nullable(),
  allowedOrigins: z.array(z.string()),
  color: z.string(),
  position: WidgetPosition,
  locale: WidgetLocale,
  greeting: z.record(z.string(), z.string()),
  aiMode: AIMode,
  requireEmail: z.boolean(),
  enforceIdentity: z.boolean(),
  businessHours: BusinessHours.nullable(),
  replyTimeMinutes: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Contact = z.object({
  id: Id,
  accountId: Id,
  name: z.string().nullable(),
  email: z.string().nullable(),
  identifier: z.string().nullable(),
  /** Whether the identifier was proven with the inbox's HMAC; an unverified one is only a claim. */
  identifierVerified: z.boolean(),
  customAttributes: Attributes,
  lastSeenAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

export const Conversation = z.object({
  id: Id,
  accountId: Id,
  displayId: z.number().int(),
  inboxId: Id,
  contactId: Id,
  assigneeId: Id.nullable(),
  teamId: Id.nullable(),
  status: ConversationStatus,
  priority: Priority,
  language: Language.nullable(),
  category: AICategory.nullable(),
  sentiment: Sentiment.nullable(),
  aiConfidence: z.number().nullable(),
  aiEnabled: z.boolean(),
  handoffRequested: z.boolean(),
  unreadCount: z.number().int(),
  lastActivityAt: Timestamp,
  firstReplyDueAt: Timestamp.nullable(),
  firstRepliedAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  /** The visitor's rating after resolve (1–5) and comment; optional on the wire for rows built elsewhere. */
  csatScore: z.number().int().nullable().optional(),
  csatComment: z.string().nullable().optional(),
  /** Where the visitor was when the conversation started (sent by the widget). */
  visitorContext: VisitorContext.nullable().optional(),
  /** Snoozed until then (a visitor message wakes it earlier). */
  snoozedUntil: Timestamp.nullable().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Citation = z.object({ articleId: Id, title: z.string(), url: z.string().nullable() });

/** Types a file may have, told from its first bytes (never from its name or the browser's word). */
export const ATTACHMENT_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"] as const;
export const AttachmentContentType = z.enum(ATTACHMENT_TYPES);

/** A file on a message. `url` is the server-relative address of its bytes (`/files/…`): anyone
 * holding it can read the file, and it is given only to those who can see the message. */
export const Attachment = z.object({
  id: z.string(),
  name: z.string(),
  contentType: AttachmentContentType,
  size: z.number().int().positive(),
  url: z.string(),
});

export const Message = z.object({
  id: Id,
  accountId: Id,
  conversationId: Id,
  senderType: SenderType,
  senderId: Id.nullable(),
  senderName: z.string().nullable(),
  messageType: MessageType,
  contentType: ContentType,
  content: z.string(),
  private: z.boolean(),
  clientMessageId: z.string().nullable(),
  sentiment: Sentiment.nullable(),
  citations: z.array(Citation),
  /** Activity lines: `code` names the event (e.g. "conversation.resolved") and the rest are its parameters,
   * so each reader renders it in its own language. */
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  /** A file the sender attached (the text is then its caption, or the file's name). */
  attachment: Attachment.nullable().optional(),
  createdAt: Timestamp,
});

export const AIClassification = z.object({
  id: Id,
  accountId: Id,
  conversationId: Id,
  messageId: Id,
  language: Language,
  category: AICategory,
  priority: Priority,
  sentiment: Sentiment,
  confidence: z.number(),
  model: z.string(),
  latencyMs: z.number().int(),
  createdAt: Timestamp,
});

export const AIDraft = z.object({
  id: Id,
  accountId: Id,
  conversationId: Id,
  messageId: Id,
  content: z.string(),
  citations: z.array(Citation),
  status: DraftStatus,
  model: z.string(),
  sentMessageId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const KnowledgeBaseArticle = z.object({
  id: Id,
  accountId: Id,
  title: z.string(),
  body: z.string(),
  language: Language,
  category: AICategory.nullable(),
  url: z.string().nullable(),
  /** Example visitor questions the article answers, in its language (matched with the title's weight). */
  questions: z.array(z.string()),
  published: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SLAPolicy = z.object({
  id: Id,
  accountId: Id,
  priority: Priority,
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
});

export const AuditLog = z.object({
  id: Id,
  accountId: Id,
  actorId: Id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: Timestamp,
});

export type Account = z.infer<typeof Account>;
export type User = z.infer<typeof User>;
export type Agent = z.infer<typeof Agent>;
export type Team = z.infer<typeof Team>;
export type TeamAvailability = z.infer<typeof TeamAvailability>;
export type BusinessHours = z.infer<typeof BusinessHours>;
export type VisitorContext = z.infer<typeof VisitorContext>;
export type Inbox = z.infer<typeof Inbox>;
export type Contact = z.infer<typeof Contact>;
export type Conversation = z.infer<typeof Conversation>;
export type Citation = z.infer<typeof Citation>;
export type Message = z.infer<typeof Message>;
export type Attachment = z.infer<typeof Attachment>;
export type AttachmentContentType = z.infer<typeof AttachmentContentType>;
export type AIClassification = z.infer<typeof AIClassification>;
export type AIDraft = z.infer<typeof AIDraft>;
export type KnowledgeBaseArticle = z.infer<typeof KnowledgeBaseArticle>;
export type SLAPolicy = z.infer<typeof SLAPolicy>;
export type AuditLog = z.infer<typeof AuditLog>;
