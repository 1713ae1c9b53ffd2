DROP INDEX "contacts_account_identifier_key";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "identifier_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "absolute_expires_at" timestamp with time zone DEFAULT now() + interval '30 days' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_identifier_key" ON "contacts" USING btree ("account_id","identifier") WHERE "contacts"."identifier_verified";--> statement-breakpoint
-- Housekeeping across tenants, run periodically by the worker loop: finished jobs older than
-- p_job_days, and sessions that can never be refreshed again (past their family's absolute end,
-- or expired more than p_session_grace_days ago; the grace keeps refresh-reuse detection working).
CREATE FUNCTION hummdesk_prune(p_job_days integer, p_session_grace_days integer)
RETURNS TABLE (jobs_deleted bigint, sessions_deleted bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  j bigint;
  s bigint;
BEGIN
  DELETE FROM jobs WHERE status IN ('done', 'failed') AND updated_at < now() - make_interval(days => p_job_days);
  GET DIAGNOSTICS j = ROW_COUNT;
  DELETE FROM sessions
  WHERE absolute_expires_at < now() OR expires_at < now() - make_interval(days => p_session_grace_days);
  GET DIAGNOSTICS s = ROW_COUNT;
  RETURN QUERY SELECT j, s;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION hummdesk_prune(integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION hummdesk_prune(integer, integer) TO hummdesk_app;
