CREATE TYPE "public"."account_status" AS ENUM('active', 'suspended', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."ai_category" AS ENUM('order_status', 'delivery', 'returns_refunds', 'product_question', 'store_info', 'billing_payment', 'complaint', 'account', 'other');--> statement-breakpoint
CREATE TYPE "public"."ai_mode" AS ENUM('off', 'suggest', 'auto_reply');--> statement-breakpoint
CREATE TYPE "public"."availability" AS ENUM('online', 'busy', 'offline');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('web_widget', 'email', 'api');--> statement-breakpoint
CREATE TYPE "public"."content_type" AS ENUM('text', 'article', 'input_select');--> statement-breakpoint
CREATE TYPE "public"."conversation_status" AS ENUM('open', 'pending', 'snoozed', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."draft_status" AS ENUM('streaming', 'ready', 'accepted', 'edited', 'rejected', 'failed');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('fi', 'sv', 'en', 'other');--> statement-breakpoint
CREATE TYPE "public"."message_type" AS ENUM('incoming', 'outgoing', 'activity', 'note');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('low', 'medium', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('administrator', 'supervisor', 'agent');--> statement-breakpoint
CREATE TYPE "public"."sender_type" AS ENUM('contact', 'agent', 'ai', 'system');--> statement-breakpoint
CREATE TYPE "public"."sentiment" AS ENUM('positive', 'neutral', 'negative');--> statement-breakpoint
CREATE TYPE "public"."widget_locale" AS ENUM('fi', 'sv', 'en');--> statement-breakpoint
CREATE TYPE "public"."widget_position" AS ENUM('left', 'right');--> statement-breakpoint
CREATE TABLE "account_users" (
	"account_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"role" "role" DEFAULT 'agent' NOT NULL,
	"availability" "availability" DEFAULT 'offline' NOT NULL,
	"max_concurrent" integer DEFAULT 5 NOT NULL,
	"total_assigned" integer DEFAULT 0 NOT NULL,
	"last_assigned_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_users_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"subdomain" text NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"locale" "widget_locale" DEFAULT 'en' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_display_id" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_subdomain_unique" UNIQUE("subdomain")
);
--> statement-breakpoint
CREATE TABLE "ai_classifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_classifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"conversation_id" bigint NOT NULL,
	"message_id" bigint NOT NULL,
	"language" "language" NOT NULL,
	"category" "ai_category" NOT NULL,
	"priority" "priority" NOT NULL,
	"sentiment" "sentiment" NOT NULL,
	"confidence" real NOT NULL,
	"model" text NOT NULL,
	"latency_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_drafts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_drafts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"conversation_id" bigint NOT NULL,
	"message_id" bigint NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "draft_status" DEFAULT 'streaming' NOT NULL,
	"model" text NOT NULL,
	"sent_message_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"actor_id" bigint,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"name" text,
	"email" text,
	"identifier" text,
	"visitor_id" text,
	"custom_attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conversations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"display_id" integer NOT NULL,
	"inbox_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"assignee_id" bigint,
	"team_id" bigint,
	"status" "conversation_status" DEFAULT 'open' NOT NULL,
	"priority" "priority" DEFAULT 'medium' NOT NULL,
	"language" "language",
	"category" "ai_category",
	"sentiment" "sentiment",
	"ai_confidence" real,
	"ai_enabled" boolean DEFAULT true NOT NULL,
	"handoff_requested" boolean DEFAULT false NOT NULL,
	"unread_count" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_reply_due_at" timestamp with time zone,
	"first_replied_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "conversations_account_display_id_key" UNIQUE("account_id","display_id")
);
--> statement-breakpoint
CREATE TABLE "inbox_teams" (
	"account_id" bigint NOT NULL,
	"inbox_id" bigint NOT NULL,
	"team_id" bigint NOT NULL,
	CONSTRAINT "inbox_teams_inbox_id_team_id_pk" PRIMARY KEY("inbox_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "inboxes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inboxes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"name" text NOT NULL,
	"channel" "channel" DEFAULT 'web_widget' NOT NULL,
	"website_token" text NOT NULL,
	"website_url" text,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"hmac_secret" text NOT NULL,
	"color" text DEFAULT '#1f6feb' NOT NULL,
	"position" "widget_position" DEFAULT 'right' NOT NULL,
	"locale" "widget_locale" DEFAULT 'en' NOT NULL,
	"greeting" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_mode" "ai_mode" DEFAULT 'suggest' NOT NULL,
	"require_email" boolean DEFAULT false NOT NULL,
	"enforce_identity" boolean DEFAULT false NOT NULL,
	"business_hours" jsonb,
	"reply_time_minutes" integer DEFAULT 5 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inboxes_website_token_unique" UNIQUE("website_token"),
	CONSTRAINT "inboxes_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"unique_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"fence" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_base_articles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_base_articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"language" "language" NOT NULL,
	"category" "ai_category",
	"url" text,
	"published" boolean DEFAULT true NOT NULL,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_base_articles_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"conversation_id" bigint NOT NULL,
	"sender_type" "sender_type" NOT NULL,
	"sender_id" bigint,
	"sender_name" text,
	"message_type" "message_type" NOT NULL,
	"content_type" "content_type" DEFAULT 'text' NOT NULL,
	"content" text NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"client_message_id" text,
	"sentiment" "sentiment",
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"family_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"replaced_by_id" bigint,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"priority" "priority" NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_account_priority_key" UNIQUE("account_id","priority")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"account_id" bigint NOT NULL,
	"team_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"categories" "ai_category"[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "teams_account_slug_key" UNIQUE("account_id","slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "account_users" ADD CONSTRAINT "account_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_users" ADD CONSTRAINT "account_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_classifications" ADD CONSTRAINT "ai_classifications_account_id_conversation_id_conversations_account_id_id_fk" FOREIGN KEY ("account_id","conversation_id") REFERENCES "public"."conversations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_classifications" ADD CONSTRAINT "ai_classifications_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_drafts" ADD CONSTRAINT "ai_drafts_account_id_conversation_id_conversations_account_id_id_fk" FOREIGN KEY ("account_id","conversation_id") REFERENCES "public"."conversations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_drafts" ADD CONSTRAINT "ai_drafts_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_inbox_id_inboxes_account_id_id_fk" FOREIGN KEY ("account_id","inbox_id") REFERENCES "public"."inboxes"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_contact_id_contacts_account_id_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_assignee_id_account_users_account_id_user_id_fk" FOREIGN KEY ("account_id","assignee_id") REFERENCES "public"."account_users"("account_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_team_id_teams_account_id_id_fk" FOREIGN KEY ("account_id","team_id") REFERENCES "public"."teams"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_teams" ADD CONSTRAINT "inbox_teams_account_id_inbox_id_inboxes_account_id_id_fk" FOREIGN KEY ("account_id","inbox_id") REFERENCES "public"."inboxes"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_teams" ADD CONSTRAINT "inbox_teams_account_id_team_id_teams_account_id_id_fk" FOREIGN KEY ("account_id","team_id") REFERENCES "public"."teams"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inboxes" ADD CONSTRAINT "inboxes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_base_articles" ADD CONSTRAINT "knowledge_base_articles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_conversation_id_conversations_account_id_id_fk" FOREIGN KEY ("account_id","conversation_id") REFERENCES "public"."conversations"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_account_id_team_id_teams_account_id_id_fk" FOREIGN KEY ("account_id","team_id") REFERENCES "public"."teams"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_account_id_user_id_account_users_account_id_user_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."account_users"("account_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_users_user_idx" ON "account_users" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_classifications_message_key" ON "ai_classifications" USING btree ("account_id","message_id");--> statement-breakpoint
CREATE INDEX "ai_classifications_conversation_idx" ON "ai_classifications" USING btree ("account_id","conversation_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "ai_drafts_message_key" ON "ai_drafts" USING btree ("account_id","message_id");--> statement-breakpoint
CREATE INDEX "ai_drafts_conversation_idx" ON "ai_drafts" USING btree ("account_id","conversation_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_logs_account_id_idx" ON "audit_logs" USING btree ("account_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_account_email_idx" ON "contacts" USING btree ("account_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_identifier_key" ON "contacts" USING btree ("account_id","identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_visitor_key" ON "contacts" USING btree ("account_id","visitor_id");--> statement-breakpoint
CREATE INDEX "conversations_account_status_activity_idx" ON "conversations" USING btree ("account_id","status","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "conversations_account_assignee_status_idx" ON "conversations" USING btree ("account_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "conversations_account_team_status_idx" ON "conversations" USING btree ("account_id","team_id","status");--> statement-breakpoint
CREATE INDEX "conversations_account_inbox_idx" ON "conversations" USING btree ("account_id","inbox_id");--> statement-breakpoint
CREATE INDEX "conversations_account_contact_idx" ON "conversations" USING btree ("account_id","contact_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_teams_account_team_idx" ON "inbox_teams" USING btree ("account_id","team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_account_kind_unique_key" ON "jobs" USING btree ("account_id","kind","unique_key");--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "knowledge_base_articles_search_idx" ON "knowledge_base_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_base_articles_account_language_idx" ON "knowledge_base_articles" USING btree ("account_id","language");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_conversation_client_message_id_key" ON "messages" USING btree ("account_id","conversation_id","client_message_id");--> statement-breakpoint
CREATE INDEX "messages_account_conversation_id_idx" ON "messages" USING btree ("account_id","conversation_id","id");--> statement-breakpoint
CREATE INDEX "messages_account_id_idx" ON "messages" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_family_idx" ON "sessions" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "team_members_account_user_idx" ON "team_members" USING btree ("account_id","user_id");