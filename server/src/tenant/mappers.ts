/** Row -> domain record conversions: camelCase, ISO timestamps, the shapes of shared/. */
import {
  type AIClassification,
  type AIDraft,
  type Attachment,
  AttachmentContentType,
  type AuditLog,
  type Contact,
  type Conversation,
  type Inbox,
  type KnowledgeBaseArticle,
  type Message,
  type SLAPolicy,
  type Team,
} from "@hummdesk/shared";
import { z } from "zod";
import type * as s from "../db/schema.ts";

/** What a message's meta keeps of its attachment (the address is derived, never stored). */
export const StoredAttachment = z.object({ id: z.string(), name: z.string(), contentType: AttachmentContentType, size: z.number().int().positive() });
export type StoredAttachment = z.infer<typeof StoredAttachment>;

export function iso(value: string | Date): string;
export function iso(value: string | Date | null): string | null;
export function iso(value: string | Date | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];

export const toTeam = (r: Row<typeof s.teams>): Team => ({
  id: r.id,
  accountId: r.accountId,
  name: r.name,
  slug: r.slug,
  description: r.description,
  categories: r.categories,
  createdAt: iso(r.createdAt),
});

export const toInbox = (r: Row<typeof s.inboxes>): Inbox => ({
  id: r.id,
  accountId: r.accountId,
  name: r.name,
  channel: r.channel,
  websiteToken: r.websiteToken,
  websiteUrl: r.websiteUrl,
  allowedOrigins: r.allowedOrigins,
  color: r.color,
  position: r.position,
  locale: r.locale,
  greeting: r.greeting,
  aiMode: r.aiMode,
  requireEmail: r.requireEmail,
  enforceIdentity: r.enforceIdentity,
  businessHours: r.businessHours ?? null,
  replyTimeMinutes: r.replyTimeMinutes,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const toContact = (r: Row<typeof s.contacts>): Contact => ({
  id: r.id,
  accountId: r.accountId,
  name: r.name,
  email: r.email,
  identifier: r.identifier,
  identifierVerified: r.identifierVerified,
  customAttributes: r.customAttributes,
  lastSeenAt: iso(r.lastSeenAt),
  createdAt: iso(r.createdAt),
});

export const toConversation = (r: Row<typeof s.conversations>): Conversation => ({
  id: r.id,
  accountId: r.accountId,
  displayId: r.displayId,
  inboxId: r.inboxId,
  contactId: r.contactId,
  assigneeId: r.assigneeId,
  teamId: r.teamId,
  status: r.status,
  priority: r.priority,
  language: r.language,
  category: r.category,
  sentiment: r.sentiment,
  aiConfidence: r.aiConfidence,
  aiEnabled: r.aiEnabled,
  handoffRequested: r.handoffRequested,
  unreadCount: r.unreadCount,
  lastActivityAt: iso(r.lastActivityAt),
  firstReplyDueAt: iso(r.firstReplyDueAt),
  firstRepliedAt: iso(r.firstRepliedAt),
  resolvedAt: iso(r.resolvedAt),
  csatScore: r.csatScore,
  csatComment: r.csatComment,
  visitorContext: r.visitorContext,
  snoozedUntil: iso(r.snoozedUntil),
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** The address of an attachment's bytes (GET /files/:accountId/:id/:name). */
export const attachmentUrl = (accountId: number, file: { id: string; name: string }) => `/files/${accountId}/${file.id}/${encodeURIComponent(file.name)}`;

/** The attachment a message's meta names, with the address of its bytes. */
function attachmentOf(accountId: number, meta: Record<string, unknown> | null): Attachment | null {
  const parsed = StoredAttachment.safeParse(meta?.attachment);
  return parsed.success ? { ...parsed.data, url: attachmentUrl(accountId, parsed.data) } : null;
}

export const toMessage = (r: Row<typeof s.messages>): Message => ({
  id: r.id,
  accountId: r.accountId,
  conversationId: r.conversationId,
  senderType: r.senderType,
  senderId: r.senderId,
  senderName: r.senderName,
  messageType: r.messageType,
  contentType: r.contentType,
  content: r.content,
  private: r.private,
  clientMessageId: r.clientMessageId,
  sentiment: r.sentiment,
  citations: r.citations,
  meta: r.meta ?? null,
  attachment: attachmentOf(r.accountId, r.meta ?? null),
  createdAt: iso(r.createdAt),
});

export const toClassification = (r: Row<typeof s.aiClassifications>): AIClassification => ({
  id: r.id,
  accountId: r.accountId,
  conversationId: r.conversationId,
  messageId: r.messageId,
  language: r.language,
  category: r.category,
  priority: r.priority,
  sentiment: r.sentiment,
  confidence: r.confidence,
  model: r.model,
  latencyMs: r.latencyMs,
  createdAt: iso(r.createdAt),
});

export const toDraft = (r: Row<typeof s.aiDrafts>): AIDraft => ({
  id: r.id,
  accountId: r.accountId,
  conversationId: r.conversationId,
  messageId: r.messageId,
  content: r.content,
  citations: r.citations,
  status: r.status,
  model: r.model,
  sentMessageId: r.sentMessageId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const toArticle = (r: Row<typeof s.knowledgeBaseArticles>): KnowledgeBaseArticle => ({
  id: r.id,
  accountId: r.accountId,
  title: r.title,
  body: r.body,
  language: r.language,
  category: r.category,
  url: r.url,
  questions: r.questions,
  published: r.published,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const toSLAPolicy = (r: Row<typeof s.slaPolicies>): SLAPolicy => ({
  id: r.id,
  accountId: r.accountId,
  priority: r.priority,
  firstResponseMinutes: r.firstResponseMinutes,
  resolutionMinutes: r.resolutionMinutes,
});

export const toAuditLog = (r: Row<typeof s.auditLogs>): AuditLog => ({
  id: r.id,
  accountId: r.accountId,
  actorId: r.actorId,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  before: r.before ?? null,
  after: r.after ?? null,
  createdAt: iso(r.createdAt),
});
