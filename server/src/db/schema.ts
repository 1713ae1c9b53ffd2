/** The HummDesk data model (DESIGN.md, Data model): every tenant table carries `account_id`. */
import {
  ACCOUNT_STATUSES,
  AI_CATEGORIES,
  AI_MODES,
  AVAILABILITIES,
  CHANNELS,
  CONTENT_TYPES,
  CONVERSATION_STATUSES,
  DRAFT_STATUSES,
  LANGUAGES,
  MESSAGE_TYPES,
  PRIORITIES,
  ROLES,
  SENDER_TYPES,
  SENTIMENTS,
  WIDGET_LOCALES,
  WIDGET_POSITIONS,
} from "@hummdesk/shared";
import type { BusinessHours, Citation, VisitorContext } from "@hummdesk/shared";
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  check,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ROLES);
export const availabilityEnum = pgEnum("availability", AVAILABILITIES);
export const accountStatusEnum = pgEnum("account_status", ACCOUNT_STATUSES);
export const conversationStatusEnum = pgEnum("conversation_status", CONVERSATION_STATUSES);
export const priorityEnum = pgEnum("priority", PRIORITIES);
export const aiCategoryEnum = pgEnum("ai_category", AI_CATEGORIES);
export const sentimentEnum = pgEnum("sentiment", SENTIMENTS);
export const languageEnum = pgEnum("language", LANGUAGES);
export const channelEnum = pgEnum("channel", CHANNELS);
export const senderTypeEnum = pgEnum("sender_type", SENDER_TYPES);
export const messageTypeEnum = pgEnum("message_type", MESSAGE_TYPES);
export const contentTypeEnum = pgEnum("content_type", CONTENT_TYPES);
export const aiModeEnum = pgEnum("ai_mode", AI_MODES);
export const draftStatusEnum = pgEnum("draft_status", DRAFT_STATUSES);
export const widgetPositionEnum = pgEnum("widget_position", WIDGET_POSITIONS);
export const widgetLocaleEnum = pgEnum("widget_locale", WIDGET_LOCALES);
export const jobStatusEnum = pgEnum("job_status", ["queued", "running", "done", "failed"]);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const id = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: "number" });
const accountId = () => ref("account_id").notNull();
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export type Attributes = Record<string, string | number | boolean | null>;

export const accounts = pgTable("accounts", {
  id: id(),
  name: text("name").notNull(),
  subdomain: text("subdomain").notNull().unique(),
  status: accountStatusEnum("status").notNull().default("active"),
  locale: widgetLocaleEnum("locale").notNull().default("en"),
  settings: jsonb("settings").$type<{ categoryTeams?: Record<string, number> }>().notNull().default({}),
  lastDisplayId: integer("last_display_id").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const accountUsers = pgTable(
  "account_users",
  {
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull().default("agent"),
    availability: availabilityEnum("availability").notNull().default("offline"),
    maxConcurrent: integer("max_concurrent").notNull().default(5),
    totalAssigned: integer("total_assigned").notNull().default(0),
    lastAssignedAt: at("last_assigned_at"),
    lastSeenAt: at("last_seen_at"),
    // Presence: kept in the future while the agent has a desk socket open (server/src/agents/presence.ts);
    // routing only picks agents whose presence has not expired.
    presentUntil: at("present_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index("account_users_user_idx").on(t.userId)],
);

export const teams = pgTable(
  "teams",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    categories: aiCategoryEnum("categories").array().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("teams_account_id_id_key").on(t.accountId, t.id), unique("teams_account_slug_key").on(t.accountId, t.slug)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    accountId: accountId(),
    teamId: ref("team_id").notNull(),
    userId: ref("user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    foreignKey({ columns: [t.accountId, t.teamId], foreignColumns: [teams.accountId, teams.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [accountUsers.accountId, accountUsers.userId] }).onDelete("cascade"),
    index("team_members_account_user_idx").on(t.accountId, t.userId),
  ],
);

export const inboxes = pgTable(
  "inboxes",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    channel: channelEnum("channel").notNull().default("web_widget"),
    websiteToken: text("website_token").notNull().unique(),
    websiteUrl: text("website_url"),
    allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'`),
    hmacSecret: text("hmac_secret").notNull(),
    color: text("color").notNull().default("#1f6feb"),
    position: widgetPositionEnum("position").notNull().default("right"),
    locale: widgetLocaleEnum("locale").notNull().default("en"),
    greeting: jsonb("greeting").$type<Record<string, string>>().notNull().default({}),
    aiMode: aiModeEnum("ai_mode").notNull().default("suggest"),
    requireEmail: boolean("require_email").notNull().default(false),
    enforceIdentity: boolean("enforce_identity").notNull().default(false),
    businessHours: jsonb("business_hours").$type<BusinessHours | null>(),
    replyTimeMinutes: integer("reply_time_minutes").notNull().default(5),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("inboxes_account_id_id_key").on(t.accountId, t.id)],
);

export const inboxTeams = pgTable(
  "inbox_teams",
  {
    accountId: accountId(),
    inboxId: ref("inbox_id").notNull(),
    teamId: ref("team_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inboxId, t.teamId] }),
    foreignKey({ columns: [t.accountId, t.inboxId], foreignColumns: [inboxes.accountId, inboxes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.accountId, t.teamId], foreignColumns: [teams.accountId, teams.id] }).onDelete("cascade"),
    index("inbox_teams_account_team_idx").on(t.accountId, t.teamId),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name"),
    email: text("email"),
    identifier: text("identifier"),
    /** True only when the identifier came with a valid HMAC (identify's identifierHash). */
    identifierVerified: boolean("identifier_verified").notNull().default(false),
    visitorId: text("visitor_id"),
    customAttributes: jsonb("custom_attributes").$type<Attributes>().notNull().default({}),
    lastSeenAt: at("last_seen_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("contacts_account_id_id_key").on(t.accountId, t.id),
    index("contacts_account_email_idx").on(t.accountId, t.email),
    // Only a verified identifier is unique (and joinable); anyone may claim one unverified.
    uniqueIndex("contacts_account_identifier_key").on(t.accountId, t.identifier).where(sql`${t.identifierVerified}`),
    uniqueIndex("contacts_account_visitor_key").on(t.accountId, t.visitorId),
  ],
);

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    displayId: integer("display_id").notNull(),
    inboxId: ref("inbox_id").notNull(),
    contactId: ref("contact_id").notNull(),
    assigneeId: ref("assignee_id"),
    teamId: ref("team_id"),
    status: conversationStatusEnum("status").notNull().default("open"),
    priority: priorityEnum("priority").notNull().default("medium"),
    language: languageEnum("language"),
    category: aiCategoryEnum("category"),
    sentiment: sentimentEnum("sentiment"),
    aiConfidence: real("ai_confidence"),
    aiEnabled: boolean("ai_enabled").notNull().default(true),
    handoffRequested: boolean("handoff_requested").notNull().default(false),
    unreadCount: integer("unread_count").notNull().default(0),
    lastActivityAt: at("last_activity_at").notNull().defaultNow(),
    firstReplyDueAt: at("first_reply_due_at"),
    firstRepliedAt: at("first_replied_at"),
    resolvedAt: at("resolved_at"),
    /** The visitor's satisfaction rating after resolve, 1–5 (checked), and an optional comment. */
    csatScore: integer("csat_score"),
    csatComment: text("csat_comment"),
    /** Where the visitor was when the conversation started: page, referrer, browser, time zone, locale. */
    visitorContext: jsonb("visitor_context").$type<VisitorContext>(),
    // A snoozed conversation reopens at this time, or earlier when the visitor writes.
    snoozedUntil: at("snoozed_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("conversations_csat_score_check", sql`${t.csatScore} between 1 and 5`),
    unique("conversations_account_id_id_key").on(t.accountId, t.id),
    unique("conversations_account_display_id_key").on(t.accountId, t.displayId),
    foreignKey({ columns: [t.accountId, t.inboxId], foreignColumns: [inboxes.accountId, inboxes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.accountId, t.assigneeId], foreignColumns: [accountUsers.accountId, accountUsers.userId] }),
    foreignKey({ columns: [t.accountId, t.teamId], foreignColumns: [teams.accountId, teams.id] }),
    index("conversations_account_status_activity_idx").on(t.accountId, t.status, t.lastActivityAt.desc(), t.id.desc()),
    index("conversations_account_assignee_status_idx").on(t.accountId, t.assigneeId, t.status),
    index("conversations_account_team_status_idx").on(t.accountId, t.teamId, t.status),
    index("conversations_account_inbox_idx").on(t.accountId, t.inboxId),
    index("conversations_account_contact_idx").on(t.accountId, t.contactId, t.id.desc()),
    // The snooze sweep looks across accounts for snoozes that are due; only snoozed rows are indexed.
    index("conversations_snoozed_until_idx").on(t.snoozedUntil).where(sql`${t.status} = 'snoozed'`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    accountId: accountId(),
    conversationId: ref("conversation_id").notNull(),
    senderType: senderTypeEnum("sender_type").notNull(),
    senderId: ref("sender_id"),
    senderName: text("sender_name"),
    messageType: messageTypeEnum("message_type").notNull(),
    contentType: contentTypeEnum("content_type").notNull().default("text"),
    content: text("content").notNull(),
    private: boolean("private").notNull().default(false),
    clientMessageId: text("client_message_id"),
    sentiment: sentimentEnum("sentiment"),
    citations: jsonb("citations").$type<Citation[]>().notNull().default([]),
    // Activity lines carry a code (and its parameters) so every reader renders them in its own language.
    meta: jsonb("meta").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("messages_account_id_id_key").on(t.accountId, t.id),
    foreignKey({ columns: [t.accountId, t.conversationId], foreignColumns: [conversations.accountId, conversations.id] }).onDelete(
      "cascade",
    ),
    uniqueIndex("messages_conversation_client_message_id_key").on(t.accountId, t.conversationId, t.clientMessageId),
    index("messages_account_conversation_id_idx").on(t.accountId, t.conversationId, t.id),
    index("messages_account_id_idx").on(t.accountId, t.id),
  ],
);

export const aiClassifications = pgTable(
  "ai_classifications",
  {
    id: id(),
    accountId: accountId(),
    conversationId: ref("conversation_id").notNull(),
    messageId: ref("message_id").notNull(),
    language: languageEnum("language").notNull(),
    category: aiCategoryEnum("category").notNull(),
    priority: priorityEnum("priority").notNull(),
    sentiment: sentimentEnum("sentiment").notNull(),
    confidence: real("confidence").notNull(),
    model: text("model").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.accountId, t.conversationId], foreignColumns: [conversations.accountId, conversations.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }).onDelete("cascade"),
    uniqueIndex("ai_classifications_message_key").on(t.accountId, t.messageId),
    index("ai_classifications_conversation_idx").on(t.accountId, t.conversationId, t.id.desc()),
  ],
);

export const aiDrafts = pgTable(
  "ai_drafts",
  {
    id: id(),
    accountId: accountId(),
    conversationId: ref("conversation_id").notNull(),
    messageId: ref("message_id").notNull(),
    content: text("content").notNull().default(""),
    citations: jsonb("citations").$type<Citation[]>().notNull().default([]),
    status: draftStatusEnum("status").notNull().default("streaming"),
    model: text("model").notNull(),
    sentMessageId: ref("sent_message_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.accountId, t.conversationId], foreignColumns: [conversations.accountId, conversations.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }).onDelete("cascade"),
    // One visitor message never gets two drafts.
    uniqueIndex("ai_drafts_message_key").on(t.accountId, t.messageId),
    index("ai_drafts_conversation_idx").on(t.accountId, t.conversationId, t.id.desc()),
  ],
);

export const knowledgeBaseArticles = pgTable(
  "knowledge_base_articles",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    language: languageEnum("language").notNull(),
    category: aiCategoryEnum("category"),
    url: text("url"),
    // Example questions visitors ask that this article answers, in the article's language; in the
    // search vector with the title's weight.
    questions: text("questions").array().notNull().default(sql`'{}'`),
    published: boolean("published").notNull().default(true),
    // Kept by a trigger (migrations/*_rls_and_functions.sql) with the article language's own
    // text-search configuration: finnish, swedish or english.
    searchVector: tsvector("search_vector"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("knowledge_base_articles_account_id_id_key").on(t.accountId, t.id),
    index("knowledge_base_articles_search_idx").using("gin", t.searchVector),
    index("knowledge_base_articles_account_language_idx").on(t.accountId, t.language),
  ],
);

export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    priority: priorityEnum("priority").notNull(),
    firstResponseMinutes: integer("first_response_minutes").notNull(),
    resolutionMinutes: integer("resolution_minutes").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("sla_policies_account_priority_key").on(t.accountId, t.priority)],
);

export const cannedResponses = pgTable(
  "canned_responses",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    shortCode: text("short_code").notNull(),
    content: text("content").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("canned_responses_account_short_code_key").on(t.accountId, t.shortCode)],
);

/** Files visitors and agents attach to messages. The bytes live in an AttachmentStore (the data
 * directory by default) under `storageKey`; `publicId` is the random id in the file's address. An
 * upload belongs to its uploader until a message of theirs uses it (`messageId`). */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    publicId: text("public_id").notNull(),
    uploaderType: text("uploader_type").$type<"contact" | "agent">().notNull(),
    /** The visitor id (contact uploads) or the user id (agent uploads), as text. */
    uploaderId: text("uploader_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    conversationId: ref("conversation_id"),
    messageId: ref("message_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("attachments_public_id_key").on(t.publicId),
    index("attachments_account_message_idx").on(t.accountId, t.messageId),
  ],
);

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    actorId: ref("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_logs_account_id_idx").on(t.accountId, t.id.desc())],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    familyId: text("family_id").notNull(),
    expiresAt: at("expires_at").notNull(),
    /** The family's absolute end: rotation never carries a session past it. */
    absoluteExpiresAt: at("absolute_expires_at")
      .notNull()
      .default(sql`now() + interval '30 days'`),
    revokedAt: at("revoked_at"),
    replacedById: ref("replaced_by_id"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_family_idx").on(t.familyId)],
);

/** The durable outbox of background work (AI jobs), claimed with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    uniqueKey: text("unique_key").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: jobStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    runAt: at("run_at").notNull().defaultNow(),
    lockedBy: text("locked_by"),
    lockedUntil: at("locked_until"),
    fence: integer("fence").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("jobs_account_kind_unique_key").on(t.accountId, t.kind, t.uniqueKey),
    index("jobs_claim_idx").on(t.status, t.runAt),
    // Fair claiming counts each account's running jobs.
    index("jobs_account_status_idx").on(t.accountId, t.status),
  ],
);

/** Per-account AI spend for the budget: one row a day (UTC) with its model tokens, and a
 * fixed one-minute window counting AI jobs started. */
export const aiUsage = pgTable(
  "ai_usage",
  {
    accountId: accountId().references(() => accounts.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    tokens: bigint("tokens", { mode: "number" }).notNull().default(0),
    jobs: integer("jobs").notNull().default(0),
    minuteStart: at("minute_start").notNull().defaultNow(),
    minuteJobs: integer("minute_jobs").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);

export const accountsRelations = relations(accounts, ({ many }) => ({
  members: many(accountUsers),
  teams: many(teams),
  inboxes: many(inboxes),
  contacts: many(contacts),
  conversations: many(conversations),
  articles: many(knowledgeBaseArticles),
  slaPolicies: many(slaPolicies),
  auditLogs: many(auditLogs),
}));
export const usersRelations = relations(users, ({ many }) => ({ memberships: many(accountUsers), sessions: many(sessions) }));
export const accountUsersRelations = relations(accountUsers, ({ one, many }) => ({
  account: one(accounts, { fields: [accountUsers.accountId], references: [accounts.id] }),
  user: one(users, { fields: [accountUsers.userId], references: [users.id] }),
  teams: many(teamMembers),
  assigned: many(conversations),
}));
export const teamsRelations = relations(teams, ({ one, many }) => ({
  account: one(accounts, { fields: [teams.accountId], references: [accounts.id] }),
  members: many(teamMembers),
  inboxes: many(inboxTeams),
  conversations: many(conversations),
}));
export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  team: one(teams, { fields: [teamMembers.teamId], references: [teams.id] }),
  member: one(accountUsers, {
    fields: [teamMembers.accountId, teamMembers.userId],
    references: [accountUsers.accountId, accountUsers.userId],
  }),
}));
export const inboxesRelations = relations(inboxes, ({ one, many }) => ({
  account: one(accounts, { fields: [inboxes.accountId], references: [accounts.id] }),
  teams: many(inboxTeams),
  conversations: many(conversations),
}));
export const inboxTeamsRelations = relations(inboxTeams, ({ one }) => ({
  inbox: one(inboxes, { fields: [inboxTeams.inboxId], references: [inboxes.id] }),
  team: one(teams, { fields: [inboxTeams.teamId], references: [teams.id] }),
}));
export const contactsRelations = relations(contacts, ({ one, many }) => ({
  account: one(accounts, { fields: [contacts.accountId], references: [accounts.id] }),
  conversations: many(conversations),
}));
export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  account: one(accounts, { fields: [conversations.accountId], references: [accounts.id] }),
  inbox: one(inboxes, { fields: [conversations.inboxId], references: [inboxes.id] }),
  contact: one(contacts, { fields: [conversations.contactId], references: [contacts.id] }),
  team: one(teams, { fields: [conversations.teamId], references: [teams.id] }),
  assignee: one(accountUsers, {
    fields: [conversations.accountId, conversations.assigneeId],
    references: [accountUsers.accountId, accountUsers.userId],
  }),
  messages: many(messages),
  classifications: many(aiClassifications),
  drafts: many(aiDrafts),
}));
export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
}));
export const aiClassificationsRelations = relations(aiClassifications, ({ one }) => ({
  conversation: one(conversations, { fields: [aiClassifications.conversationId], references: [conversations.id] }),
  message: one(messages, { fields: [aiClassifications.messageId], references: [messages.id] }),
}));
export const aiDraftsRelations = relations(aiDrafts, ({ one }) => ({
  conversation: one(conversations, { fields: [aiDrafts.conversationId], references: [conversations.id] }),
  message: one(messages, { fields: [aiDrafts.messageId], references: [messages.id] }),
}));
export const knowledgeBaseArticlesRelations = relations(knowledgeBaseArticles, ({ one }) => ({
  account: one(accounts, { fields: [knowledgeBaseArticles.accountId], references: [accounts.id] }),
}));
export const slaPoliciesRelations = relations(slaPolicies, ({ one }) => ({
  account: one(accounts, { fields: [slaPolicies.accountId], references: [accounts.id] }),
}));
export const auditLogsRelations = relations(auditLogs, ({ one }) => ({
  account: one(accounts, { fields: [auditLogs.accountId], references: [accounts.id] }),
}));
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
export const jobsRelations = relations(jobs, ({ one }) => ({
  account: one(accounts, { fields: [jobs.accountId], references: [accounts.id] }),
}));
