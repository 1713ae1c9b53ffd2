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
  availability: Availability,
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
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Citation = z.object({ articleId: Id, title: z.string(), url: z.string().nullable() });

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
export type Inbox = z.infer<typeof Inbox>;
export type Contact = z.infer<typeof Contact>;
export type Conversation = z.infer<typeof Conversation>;
export type Citation = z.infer<typeof Citation>;
export type Message = z.infer<typeof Message>;
export type AIClassification = z.infer<typeof AIClassification>;
export type AIDraft = z.infer<typeof AIDraft>;
export type KnowledgeBaseArticle = z.infer<typeof KnowledgeBaseArticle>;
export type SLAPolicy = z.infer<typeof SLAPolicy>;
export type AuditLog = z.infer<typeof AuditLog>;
