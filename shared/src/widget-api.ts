/** Requests and responses of the visitor-side web-channel API (`/widget/v1`). */
import { z } from "zod";
import { Attachment, Citation, Inbox, Message, VisitorContext } from "./domain.ts";
import { ConversationStatus } from "./enums.ts";
import { text } from "./text.ts";

/** The public look of an inbox: what a widget may know, nothing more (no secret, no origins). */
export const WidgetConfig = Inbox.pick({
  websiteToken: true,
  color: true,
  position: true,
  locale: true,
  greeting: true,
  aiMode: true,
  requireEmail: true,
  enforceIdentity: true,
  businessHours: true,
  replyTimeMinutes: true,
}).extend({
  inboxName: z.string(),
  /** True while the business hours say open and at least one agent is online. */
  online: z.boolean(),
  /** When the business hours open next (ISO), while closed; null when open or without hours. */
  nextOpenAt: z.string().nullable(),
  /** The SLA policy's first-reply target for a new (medium priority) conversation; null without a policy. */
  firstReplyTargetMinutes: z.number().int().nullable(),
});

export const VisitorTokenRequest = z.object({
  /** An earlier visitor token to refresh; a new visitor is issued when absent or invalid. */
  token: z.string().max(2048).optional(),
});

export const VisitorTokenResponse = z.object({
  token: z.string(),
  visitorId: z.string(),
  expiresAt: z.string(),
});

const CustomAttributes = z.record(text().max(64), z.union([text().max(1024), z.number(), z.boolean(), z.null()]));

export const IdentifyRequest = z.object({
  identifier: text().min(1).max(255),
  identifierHash: text().max(128).optional(),
  name: text().max(255).optional(),
  email: z.email().max(255).optional(),
  customAttributes: CustomAttributes.optional(),
});

export const SetAttributesRequest = z.object({
  name: text().max(255).optional(),
  email: z.email().max(255).optional(),
  customAttributes: CustomAttributes.optional(),
});

export const VisitorMessagesQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  conversationId: z.coerce.number().int().positive().optional(),
});

export const MAX_MESSAGE_LENGTH = 5000;

export const AttachmentId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "an attachment id from POST /widget/v1/attachments");

/** `POST /widget/v1/attachments?name=…` (the file's bytes are the body): the stored file. */
export const UploadAttachmentQuery = z.object({ name: z.string().trim().min(1).max(200) });
export const UploadAttachmentResponse = z.object({ attachment: Attachment });

export const SendMessageRequest = z.object({
  clientMessageId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  content: text().trim().min(1).max(MAX_MESSAGE_LENGTH),
  /** Email captured before the first message, when the inbox asks for one. */
  email: z.email().max(255).optional(),
  /** The visitor's browser or page language (BCP 47, e.g. "sv-FI"): the AI's language for a
   * message too short to tell ("Hi"); anything but fi, sv or en is ignored. */
  locale: z.string().max(35).optional(),
  /** Sent by the widget with each message; stored when the message starts a conversation. */
  context: VisitorContext.optional(),
  /** A file uploaded with POST /widget/v1/attachments; `content` is then its caption. */
  attachmentId: AttachmentId.optional(),
});

/** The visitor's satisfaction with a resolved conversation: `POST /widget/v1/conversations/:id/rating`. */
export const RatingRequest = z.object({
  score: z.number().int().min(1).max(5),
  comment: text().trim().max(1000).optional(),
});

/** A message as the visitor sees it: no private notes, no internal ids of agents. */
export const VisitorMessage = Message.pick({
  id: true,
  conversationId: true,
  senderType: true,
  senderName: true,
  messageType: true,
  contentType: true,
  content: true,
  clientMessageId: true,
  citations: true,
  attachment: true,
  createdAt: true,
});

export const VisitorConversation = z.object({
  id: z.number().int(),
  status: ConversationStatus,
  createdAt: z.string(),
  lastActivityAt: z.string(),
  /** The conversation's first visitor message, shortened: the title in "Earlier conversations". */
  title: z.string().nullable().optional(),
  /** The visitor's rating, once given (1–5). */
  csatScore: z.number().int().nullable().optional(),
});

export const VisitorHistoryResponse = z.object({
  conversation: VisitorConversation.nullable(),
  previousConversations: z.array(VisitorConversation),
  messages: z.array(VisitorMessage),
});

export const SendMessageResponse = z.object({
  message: VisitorMessage,
  conversation: VisitorConversation,
  /** False when this clientMessageId had been stored before (an idempotent retry). */
  created: z.boolean(),
});

export const HandoffRequest = z.object({ reason: text().max(500).optional() });
export const HandoffResponse = z.object({ conversation: VisitorConversation });
export const RatingResponse = z.object({ conversation: VisitorConversation });
export type RatingResponse = z.infer<typeof RatingResponse>;

export const VisitorCitation = Citation;

export type WidgetConfig = z.infer<typeof WidgetConfig>;
export type VisitorTokenRequest = z.infer<typeof VisitorTokenRequest>;
export type VisitorTokenResponse = z.infer<typeof VisitorTokenResponse>;
export type IdentifyRequest = z.infer<typeof IdentifyRequest>;
export type SetAttributesRequest = z.infer<typeof SetAttributesRequest>;
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;
export type UploadAttachmentResponse = z.infer<typeof UploadAttachmentResponse>;
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;
export type VisitorMessage = z.infer<typeof VisitorMessage>;
export type VisitorConversation = z.infer<typeof VisitorConversation>;
export type VisitorHistoryResponse = z.infer<typeof VisitorHistoryResponse>;
export type HandoffRequest = z.infer<typeof HandoffRequest>;
export type RatingRequest = z.infer<typeof RatingRequest>;
export type HandoffResponse = z.infer<typeof HandoffResponse>;
