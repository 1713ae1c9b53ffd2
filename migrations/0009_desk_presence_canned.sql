ALTER TYPE "public"."draft_status" ADD VALUE 'superseded';--> statement-breakpoint
CREATE TABLE "canned_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "canned_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"short_code" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_users" ADD COLUMN "present_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "meta" jsonb;--> statement-breakpoint
ALTER TABLE "canned_responses" ADD CONSTRAINT "canned_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "canned_responses_account_short_code_key" ON "canned_responses" USING btree ("account_id","short_code");--> statement-breakpoint

-- Hand-written: canned responses are a tenant table (RLS enabled and forced, the standard policy,
-- grants, updated_at trigger); routing only picks agents whose desk presence has not expired.
ALTER TABLE canned_responses ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE canned_responses FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON canned_responses
  USING (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint)
  WITH CHECK (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON canned_responses TO hummdesk_app;--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE canned_responses_id_seq TO hummdesk_app;--> statement-breakpoint
CREATE TRIGGER canned_responses_updated_at BEFORE UPDATE ON canned_responses
  FOR EACH ROW EXECUTE FUNCTION hummdesk_touch_updated_at();--> statement-breakpoint

-- Online (the agent's own flag) AND present (a desk socket open now or within the grace period).
CREATE OR REPLACE FUNCTION get_available_agents(p_account_id bigint, p_team_id bigint)
RETURNS TABLE (user_id bigint, name text, open_conversations integer, max_concurrent integer,
               utilisation real, last_assigned_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT au.user_id, u.name, load.n::integer, au.max_concurrent,
         (load.n::real / GREATEST(au.max_concurrent, 1))::real, au.last_assigned_at
  FROM account_users au
  JOIN users u ON u.id = au.user_id
  CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM conversations c
    WHERE c.account_id = au.account_id AND c.assignee_id = au.user_id AND c.status IN ('open', 'pending')
  ) load
  WHERE au.account_id = p_account_id
    AND au.availability = 'online'
    AND au.present_until > now()
    AND load.n < au.max_concurrent
    AND (p_team_id IS NULL OR EXISTS (
      SELECT 1 FROM team_members tm WHERE tm.account_id = au.account_id AND tm.team_id = p_team_id AND tm.user_id = au.user_id))
  ORDER BY load.n ASC, (load.n::real / GREATEST(au.max_concurrent, 1)) ASC, au.last_assigned_at ASC NULLS FIRST, au.user_id ASC
$$;
--> statement-breakpoint

-- A conversation that leaves "snoozed" by any path (an agent, or the visitor's send function
-- waking it) forgets when it was to wake.
CREATE FUNCTION hummdesk_clear_snooze() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'snoozed' THEN
    NEW.snoozed_until := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER conversations_clear_snooze BEFORE UPDATE OF status ON conversations
  FOR EACH ROW EXECUTE FUNCTION hummdesk_clear_snooze();
