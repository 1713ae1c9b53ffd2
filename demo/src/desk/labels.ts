/** Words the desk shows for the API's enum values. */
import type { AICategory, Availability, ConversationStatus, Language, Priority, Sentiment } from "@hummdesk/shared";

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: "Open",
  pending: "Pending",
  snoozed: "Snoozed",
  resolved: "Resolved",
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" };

export const CATEGORY_LABELS: Record<AICategory, string> = {
  order_status: "Order status",
  delivery: "Delivery",
  returns_refunds: "Returns and refunds",
  product_question: "Product question",
  store_info: "Store info",
  billing_payment: "Billing and payment",
  complaint: "Complaint",
  account: "Account",
  other: "Other",
};

export const LANGUAGE_LABELS: Record<Language, string> = { fi: "Finnish", sv: "Swedish", en: "English", other: "Other" };

export const SENTIMENT_LABELS: Record<Sentiment, string> = { positive: "Positive", neutral: "Neutral", negative: "Negative" };

export const AVAILABILITY_LABELS: Record<Availability, string> = { online: "Online", busy: "Busy", offline: "Offline" };

// The desk imports the shared package for types only: its runtime module builds zod schemas,
// which would add ~60 kB to the bundle. The value lists follow the label tables instead.
export const STATUSES = Object.keys(STATUS_LABELS) as ConversationStatus[];
export const PRIORITY_ORDER = Object.keys(PRIORITY_LABELS) as Priority[];
export const AVAILABILITY_ORDER = Object.keys(AVAILABILITY_LABELS) as Availability[];
