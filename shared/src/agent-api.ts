/** Requests and responses of the agent API (`/api/v1`). */
import { z } from "zod";
import {
  AIDraft,
  AuditLog,
  Agent,
  BusinessHours,
  Conversation,
  Inbox,
  KnowledgeBaseArticle,
  Message,
  Team,
  TeamAvailability,
} from "./domain.ts";
import {
  AICategory,
  AIMode,
  Availability,
  ConversationStatus,
  Language,
  Priority,
  Role,
  WidgetLocale,
  WidgetPosition,
} from "./enums.ts";
import { text, webUrl } from "./text.ts";

export const LoginRequest = z.object({ email: z.email().max(255), password: z.string().min(1).max(200) });
export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(512) });
export const LogoutRequest = RefreshRequest;

export const AuthTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string() }),
  accounts: z.array(z.object({ id: z.number().int(), name: z.string(), subdomain: z.string(), role: Role })),
});

export const AccountParams = z.object({ accountId: z.coerce.number().int().positive() });
export const ConversationParams = AccountParams.extend({ conversationId: z.coerce.number().int().positive() });
export const EntityParams = AccountParams.extend({ id: z.coerce.number().int().positive() });

export const ConversationListQuery = z.object({
  status: ConversationStatus.optional(),
  assigneeId: z.union([z.coerce.number().int().positive(), z.literal("none"), z.literal("me")]).optional(),
  teamId: z.coerce.number().int().positive().optional(),
  inboxId: z.coerce.number().int().positive().optional(),
  priority: Priority.optional(),
  /** One visitor's conversations (the desk's "other conversations" of a contact). */
  contactId: z.coerce.number().int().positive().optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const ConversationListResponse = z.object({
  conversations: z.array(
    Conversation.extend({
      contactName: z.string().nullable(),
      lastMessage: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ConversationDetail = z.object({
  conversation: Conversation,
  contact: z.object({
    id: z.number().int(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    identifier: z.string().nullable(),
    identifierVerified: z.boolean(),
    customAttributes: z.record(z.string(), z.unknown()),
  }),
  messages: z.array(Message),
  latestDraft: AIDraft.nullable(),
});

export const ReplyRequest = z.object({
  content: text().trim().min(1).max(5000),
  private: z.boolean().default(false),
  clientMessageId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
  /** A file uploaded with POST /api/v1/accounts/:accountId/attachments; `content` is its caption. */
  attachmentId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "an attachment id from POST …/attachments").optional(),
});

export const AssignRequest = z
  .object({ assigneeId: z.number().int().positive().nullable().optional(), teamId: z.number().int().positive().nullable().optional() })
  .refine((v) => v.assigneeId !== undefined || v.teamId !== undefined, "give assigneeId, teamId or both");
export const StatusRequest = z
  .object({
    status: ConversationStatus,
    /** Only with status "snoozed": when it wakes by itself (a visitor message wakes it earlier). */
    snoozedUntil: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((body) => body.snoozedUntil === undefined || body.status === "snoozed", {
    message: "snoozedUntil goes only with status snoozed",
    path: ["snoozedUntil"],
  });
export const PriorityRequest = z.object({ priority: Priority });

export const DraftSendRequest = z.object({ content: text().trim().min(1).max(5000).optional() });

export const AvailabilityRequest = z.object({ availability: Availability });

const Origin = z
  .string()
  .max(255)
  .regex(/^https?:\/\/[^/\s?#]+$/, "an origin is scheme://host[:port], e.g. https://shop.example.fi");
const Colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, "a colour is #rgb or #rrggbb, e.g. #e30613 or #fff");

/** Business hours as an admin sends them: the stored shape, with bounded text and no NUL. */
const BusinessHoursInput = BusinessHours.extend({
  timezone: text().min(1).max(64),
  days: z.record(text().max(8), z.object({ open: text().max(5), close: text().max(5) })),
});

/** The settable fields of an inbox, without defaults: an update changes only what it names. */
const InboxFields = z.object({
  name: text().trim().min(1).max(100),
  websiteUrl: webUrl(255).nullable(),
  allowedOrigins: z.array(Origin).max(50),
  color: Colour,
  position: WidgetPosition,
  locale: WidgetLocale,
  greeting: z.partialRecord(WidgetLocale, text().max(500)),
  aiMode: AIMode,
  requireEmail: z.boolean(),
  enforceIdentity: z.boolean(),
  businessHours: BusinessHoursInput.nullable(),
  replyTimeMinutes: z.number().int().min(1).max(10080),
  teamIds: z.array(z.number().int().positive()).max(50),
});

export const InboxCreateRequest = InboxFields.extend({
  websiteUrl: InboxFields.shape.websiteUrl.optional(),
  allowedOrigins: InboxFields.shape.allowedOrigins.default([]),
  color: Colour.default("#1f6feb"),
  position: WidgetPosition.default("right"),
  locale: WidgetLocale.default("en"),
  greeting: InboxFields.shape.greeting.default({}),
  aiMode: AIMode.default("suggest"),
  requireEmail: z.boolean().default(false),
  enforceIdentity: z.boolean().default(false),
  businessHours: InboxFields.shape.businessHours.default(null),
  replyTimeMinutes: InboxFields.shape.replyTimeMinutes.default(5),
  teamIds: InboxFields.shape.teamIds.optional(),
});
// Not InboxCreateRequest.partial(): its defaults would reset every field a PATCH leaves out.
export const InboxUpdateRequest = InboxFields.partial();
export const InboxWithSecret = Inbox.extend({ hmacSecret: z.string() });
export const SnippetResponse = z.object({ snippet: z.string(), websiteToken: z.string() });

export const TeamCreateRequest = z.object({
  name: text().trim().min(1).max(100),
  description: text().max(500).default(""),
  categories: z.array(AICategory).default([]),
});
export const TeamMemberRequest = z.object({ userId: z.number().int().positive() });

export const MAX_ARTICLE_QUESTIONS = 20;
export const MAX_ARTICLE_QUESTION_LENGTH = 300;
/** One example question: trimmed, 1..300 characters, no NUL (PostgreSQL text cannot hold it). */
const ArticleQuestion = text()
  .trim()
  .min(1, "an example question must not be empty")
  .max(MAX_ARTICLE_QUESTION_LENGTH);
const ArticleFields = z.object({
  title: text().trim().min(1).max(200),
  body: text().trim().min(1).max(20000),
  language: Language,
  category: AICategory.nullable(),
  url: webUrl(500).nullable(),
  questions: z.array(ArticleQuestion).max(MAX_ARTICLE_QUESTIONS),
  published: z.boolean(),
});
export const ArticleCreateRequest = ArticleFields.extend({
  category: AICategory.nullable().default(null),
  url: ArticleFields.shape.url.default(null),
  questions: ArticleFields.shape.questions.default([]),
  published: z.boolean().default(true),
});
// Without defaults, so a PATCH changes only the fields it names.
export const ArticleUpdateRequest = ArticleFields.partial();

export const AuditLogQuery = z.object({
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const AgentsResponse = z.object({ agents: z.array(Agent), teams: z.array(TeamAvailability) });
export const TeamsResponse = z.object({ teams: z.array(Team) });
export const InboxesResponse = z.object({ inboxes: z.array(Inbox) });
export const ArticlesResponse = z.object({ articles: z.array(KnowledgeBaseArticle) });
export const DraftsResponse = z.object({ drafts: z.array(AIDraft) });
export const AuditLogResponse = z.object({ entries: z.array(AuditLog), nextCursor: z.number().int().nullable() });

export const ConversationResponse = z.object({ conversation: Conversation });
export const MessageResponse = z.object({ message: Message });
export const DraftResponse = z.object({ draft: AIDraft });
export const DraftSentResponse = z.object({ draft: AIDraft, message: Message });
/** An agent asked the AI for a draft of the visitor's latest message (it arrives as ai.answer.*). */
export const DraftRequestedResponse = z.object({ queued: z.literal(true), messageId: z.number().int() });
export const AgentResponse = z.object({ agent: Agent });
export const InboxResponse = z.object({ inbox: Inbox });
/** The answer to creating an inbox: the only response besides `GET .../secret` that shows the secret. */
export const InboxCreatedResponse = z.object({ inbox: InboxWithSecret });
export const InboxSecretResponse = z.object({ hmacSecret: z.string() });
export const TeamResponse = z.object({ team: Team });
export const ArticleResponse = z.object({ article: KnowledgeBaseArticle });
/** The account's category -> team mapping used by routing (categories left out fall back to team categories). */
export const RoutingSettings = z.object({ categoryTeams: z.partialRecord(AICategory, z.number().int().positive()) });

export type LoginRequest = z.infer<typeof LoginRequest>;
export type AuthTokens = z.infer<typeof AuthTokens>;
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;
export type ConversationListResponse = z.infer<typeof ConversationListResponse>;
export type ConversationDetail = z.infer<typeof ConversationDetail>;
export type ReplyRequest = z.infer<typeof ReplyRequest>;
export type AssignRequest = z.infer<typeof AssignRequest>;
export type InboxCreateRequest = z.infer<typeof InboxCreateRequest>;
export type InboxUpdateRequest = z.infer<typeof InboxUpdateRequest>;
export type TeamCreateRequest = z.infer<typeof TeamCreateRequest>;
export type ArticleCreateRequest = z.infer<typeof ArticleCreateRequest>;
export type ArticleUpdateRequest = z.infer<typeof ArticleUpdateRequest>;
export type RoutingSettings = z.infer<typeof RoutingSettings>;

/** A saved reply an agent inserts by typing `/shortCode` in the composer. */
export const CannedResponse = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  shortCode: z.string(),
  content: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CannedResponseCreateRequest = z.object({
  shortCode: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N}_-]+$/u, "a short code is letters, digits, - and _ (no spaces), e.g. returns"),
  content: z.string().trim().min(1).max(5000),
});
export const CannedResponseUpdateRequest = CannedResponseCreateRequest.partial();
export const CannedResponseResponse = z.object({ cannedResponse: CannedResponse });
export const CannedResponsesResponse = z.object({ cannedResponses: z.array(CannedResponse) });
export type CannedResponse = z.infer<typeof CannedResponse>;
export type CannedResponseCreateRequest = z.infer<typeof CannedResponseCreateRequest>;
export type CannedResponseUpdateRequest = z.infer<typeof CannedResponseUpdateRequest>;
