CREATE TABLE "ai_usage" (
	"account_id" bigint NOT NULL,
	"day" date NOT NULL,
	"tokens" bigint DEFAULT 0 NOT NULL,
	"jobs" integer DEFAULT 0 NOT NULL,
	"minute_start" timestamp with time zone DEFAULT now() NOT NULL,
	"minute_jobs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ai_usage_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
ALTER TABLE "ai_usage" ADD CONSTRAINT "ai_usage_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_account_status_idx" ON "jobs" USING btree ("account_id","status");--> statement-breakpoint
-- Hand-written: the AI budget table under the standard tenant policy; fair job claiming across
-- accounts; and the SECURITY DEFINER functions callable by the app role only (not PUBLIC).
ALTER TABLE ai_usage ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ai_usage FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON ai_usage
  USING (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint)
  WITH CHECK (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ai_usage TO hummdesk_app;--> statement-breakpoint

-- Fair claiming: due jobs are ranked within their account (oldest first) and handed out round
-- robin: every account's first job, then every account's second, ... An account never holds more
-- than p_per_account running jobs, so one tenant's flood cannot take every worker slot.
DROP FUNCTION hummdesk_claim_jobs(text, integer, integer);--> statement-breakpoint
CREATE FUNCTION hummdesk_claim_jobs(p_worker text, p_lease_seconds integer, p_limit integer, p_per_account integer)
RETURNS TABLE (id bigint, account_id bigint, kind text, payload jsonb, attempts integer, max_attempts integer, fence integer)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH running AS (
    SELECT r.account_id, count(*)::integer AS n FROM jobs r
    WHERE r.status = 'running' AND r.locked_until >= now()
    GROUP BY r.account_id
  ),
  due AS (
    SELECT q.id, q.account_id, q.run_at,
           row_number() OVER (PARTITION BY q.account_id ORDER BY q.run_at, q.id)::integer AS rank
    FROM jobs q
    WHERE (q.status = 'queued' AND q.run_at <= now()) OR (q.status = 'running' AND q.locked_until < now())
  ),
  candidates AS (
    SELECT d.id FROM due d LEFT JOIN running r ON r.account_id = d.account_id
    WHERE coalesce(r.n, 0) + d.rank <= p_per_account
    ORDER BY coalesce(r.n, 0) + d.rank, d.run_at, d.id
    LIMIT p_limit
  ),
  locked AS (
    SELECT j.id FROM jobs j
    WHERE j.id IN (SELECT c.id FROM candidates c)
      AND ((j.status = 'queued' AND j.run_at <= now()) OR (j.status = 'running' AND j.locked_until < now()))
    FOR UPDATE SKIP LOCKED
  )
  UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, locked_by = p_worker,
         locked_until = now() + make_interval(secs => p_lease_seconds), fence = j.fence + 1
  WHERE j.id IN (SELECT l.id FROM locked l)
  RETURNING j.id, j.account_id, j.kind, j.payload, j.attempts, j.max_attempts, j.fence
$$;--> statement-breakpoint

-- EXECUTE on a function is granted to PUBLIC by default: any role that can connect could call
-- hummdesk_find_login (password hashes) or create accounts. Only the app role may, now and for
-- every function later migrations create.
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.prosecdef
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO hummdesk_app', f);
  END LOOP;
END $$;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO hummdesk_app;
