ALTER TABLE "conversations" ADD COLUMN "csat_score" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "csat_comment" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "visitor_context" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_csat_score_check" CHECK ("conversations"."csat_score" between 1 and 5);