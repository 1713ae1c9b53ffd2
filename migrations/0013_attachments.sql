CREATE TABLE "attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"public_id" text NOT NULL,
	"uploader_type" text NOT NULL,
	"uploader_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"conversation_id" bigint,
	"message_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_public_id_key" ON "attachments" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "attachments_account_message_idx" ON "attachments" USING btree ("account_id","message_id");--> statement-breakpoint

-- Hand-written: attachments are a tenant table (RLS enabled and forced, the standard policy,
-- grants, updated_at trigger); the uploader type is one of two words.
ALTER TABLE attachments ADD CONSTRAINT attachments_uploader_type_check CHECK (uploader_type IN ('contact', 'agent'));--> statement-breakpoint
ALTER TABLE attachments ADD CONSTRAINT attachments_byte_size_check CHECK (byte_size > 0);--> statement-breakpoint
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON attachments
  USING (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint)
  WITH CHECK (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON attachments TO hummdesk_app;--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE attachments_id_seq TO hummdesk_app;--> statement-breakpoint
CREATE TRIGGER attachments_updated_at BEFORE UPDATE ON attachments
  FOR EACH ROW EXECUTE FUNCTION hummdesk_touch_updated_at();
