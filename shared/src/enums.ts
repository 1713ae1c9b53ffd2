/** The closed vocabularies of DESIGN.md, shared by the database schema, the API and the widget. */
import { z } from "zod";

export const ROLES = ["administrator", "supervisor", "agent"] as const;
export const AVAILABILITIES = ["online", "busy", "offline"] as const;
export const ACCOUNT_STATUSES = ["active", "suspended", "cancelled"] as const;
export const CONVERSATION_STATUSES = ["open", "pending", "snoozed", "resolved"] as const;
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const AI_CATEGORIES = [
  "order_status",
  "delivery",
  "returns_refunds",
  "product_question",
  "store_info",
  "billing_payment",
  "complaint",
  "account",
  "other",
] as const;
export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export const LANGUAGES = ["fi", "sv", "en", "other"] as const;
export const CHANNELS = ["web_widget", "email", "api"] as const;
export const SENDER_TYPES = ["contact", "agent", "ai", "system"] as const;
export const MESSAGE_TYPES = ["incoming", "outgoing", "activity", "note"] as const;
export const CONTENT_TYPES = ["text", "article", "input_select"] as const;
export const AI_MODES = ["off", "suggest", "auto_reply"] as const;
export const DRAFT_STATUSES = ["streaming", "ready", "accepted", "edited", "rejected", "failed", "superseded"] as const;
export const WIDGET_POSITIONS = ["left", "right"] as const;
export const WIDGET_LOCALES = ["fi", "sv", "en"] as const;

export const Role = z.enum(ROLES);
export const Availability = z.enum(AVAILABILITIES);
export const AccountStatus = z.enum(ACCOUNT_STATUSES);
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export const Priority = z.enum(PRIORITIES);
export const AICategory = z.enum(AI_CATEGORIES);
export const Sentiment = z.enum(SENTIMENTS);
export const Language = z.enum(LANGUAGES);
export const Channel = z.enum(CHANNELS);
export const SenderType = z.enum(SENDER_TYPES);
export const MessageType = z.enum(MESSAGE_TYPES);
export const ContentType = z.enum(CONTENT_TYPES);
export const AIMode = z.enum(AI_MODES);
export const DraftStatus = z.enum(DRAFT_STATUSES);
export const WidgetPosition = z.enum(WIDGET_POSITIONS);
export const WidgetLocale = z.enum(WIDGET_LOCALES);

export type Role = z.infer<typeof Role>;
export type Availability = z.infer<typeof Availability>;
export type AccountStatus = z.infer<typeof AccountStatus>;
export type ConversationStatus = z.infer<typeof ConversationStatus>;
export type Priority = z.infer<typeof Priority>;
export type AICategory = z.infer<typeof AICategory>;
export type Sentiment = z.infer<typeof Sentiment>;
export type Language = z.infer<typeof Language>;
export type Channel = z.infer<typeof Channel>;
export type SenderType = z.infer<typeof SenderType>;
export type MessageType = z.infer<typeof MessageType>;
export type ContentType = z.infer<typeof ContentType>;
export type AIMode = z.infer<typeof AIMode>;
export type DraftStatus = z.infer<typeof DraftStatus>;
export type WidgetPosition = z.infer<typeof WidgetPosition>;
export type WidgetLocale = z.infer<typeof WidgetLocale>;
