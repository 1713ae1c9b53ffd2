/** Requests and responses of the visitor-side web-channel API (`/widget/v1`). */
import { z } from "zod";
import { Citation, Inbox, Message } from "./domain.ts";
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

export const SendMessageRequest = z.object({
  clientMessageId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  content: text().trim().min(1).max(MAX_MESSAGE_LENGTH),
  /** Email captured before the first message, when the inbox asks for one. */
  email: z.email().max(255).optional(),
  /** The visitor's browser or page language (BCP 47, e.g. "sv-FI"): the AI's language for a
   * message too short to tell ("Hi"); anything but fi, sv or en is ignored. */
  locale: z.string().max(35).optional(),
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
  createdAt: true,
});

export const VisitorConversation = z.object({
  id: z.number().int(),
  status: ConversationStatus,
  createdAt: z.string(),
  lastActivityAt: z.string(),
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

export const VisitorCitation = Citation;

export type WidgetConfig = z.infer<typeof WidgetConfig>;
export type VisitorTokenRequest = z.infer<typeof VisitorTokenRequest>;
export type VisitorTokenResponse = z.infer<typeof VisitorTokenResponse>;
export type IdentifyRequest = z.infer<typeof IdentifyRequest>;
export type SetAttributesRequest = z.infer<typeof SetAttributesRequest>;
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;
export type VisitorMessage = z.infer<typeof VisitorMessage>;
export type VisitorConversation = z.infer<typeof VisitorConversation>;
export type VisitorHistoryResponse = z.infer<typeof VisitorHistoryResponse>;
export type HandoffRequest = z.infer<typeof HandoffRequest>;
export type HandoffResponse = z.infer<typeof HandoffResponse>;
