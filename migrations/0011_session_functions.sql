-- Hand-written: refresh-token sessions leave the app role's reach. The table has no account (a
-- token belongs to a user of several accounts), so row-level security has nothing to bind it to;
-- instead the app role loses every privilege on it and works through four SECURITY DEFINER
-- functions that each touch one token or one family. A compromised app connection can no longer
-- list, read or forge sessions of other users.
CREATE FUNCTION hummdesk_session_create(p_user_id bigint, p_token_hash text, p_family_id text, p_expires_at timestamptz, p_absolute_expires_at timestamptz, p_user_agent text)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO sessions (user_id, token_hash, family_id, expires_at, absolute_expires_at, user_agent)
  VALUES (p_user_id, p_token_hash, p_family_id, least(p_expires_at, p_absolute_expires_at), p_absolute_expires_at, left(p_user_agent, 255))
$$;--> statement-breakpoint

-- One refresh: 'unknown' (no such token), 'reused' (a rotated token again: the whole family is
-- revoked), 'expired', or 'ok' (this token is now rotated; the caller issues the next one).
CREATE FUNCTION hummdesk_session_rotate(p_token_hash text)
RETURNS TABLE (outcome text, user_id bigint, family_id text, absolute_expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE s sessions%ROWTYPE;
BEGIN
  SELECT * INTO s FROM sessions WHERE sessions.token_hash = p_token_hash FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'unknown'::text, NULL::bigint, NULL::text, NULL::timestamptz;
    RETURN;
  END IF;
  IF s.revoked_at IS NOT NULL THEN
    UPDATE sessions SET revoked_at = now() WHERE sessions.family_id = s.family_id AND sessions.revoked_at IS NULL;
    RETURN QUERY SELECT 'reused'::text, s.user_id, s.family_id, s.absolute_expires_at;
    RETURN;
  END IF;
  IF s.expires_at < now() OR s.absolute_expires_at < now() THEN
    RETURN QUERY SELECT 'expired'::text, s.user_id, s.family_id, s.absolute_expires_at;
    RETURN;
  END IF;
  UPDATE sessions SET revoked_at = now() WHERE sessions.id = s.id;
  RETURN QUERY SELECT 'ok'::text, s.user_id, s.family_id, s.absolute_expires_at;
END
$$;--> statement-breakpoint

-- Logout: revokes the token's whole family; returns it (for closing its sockets), or no row.
CREATE FUNCTION hummdesk_session_end(p_token_hash text)
RETURNS TABLE (user_id bigint, family_id text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH target AS (SELECT s.user_id, s.family_id FROM sessions s WHERE s.token_hash = p_token_hash),
  revoked AS (
    UPDATE sessions SET revoked_at = now()
    WHERE sessions.family_id IN (SELECT t.family_id FROM target t) AND sessions.revoked_at IS NULL
  )
  SELECT t.user_id, t.family_id FROM target t
$$;--> statement-breakpoint

CREATE FUNCTION hummdesk_session_active(p_family_id text)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM sessions s WHERE s.family_id = p_family_id AND s.revoked_at IS NULL)
$$;--> statement-breakpoint

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'hummdesk_session_create(bigint, text, text, timestamptz, timestamptz, text)',
    'hummdesk_session_rotate(text)', 'hummdesk_session_end(text)', 'hummdesk_session_active(text)'
  ] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO hummdesk_app', f);
  END LOOP;
END $$;--> statement-breakpoint
REVOKE ALL ON TABLE sessions FROM hummdesk_app;--> statement-breakpoint
REVOKE ALL ON SEQUENCE sessions_id_seq FROM hummdesk_app;
--> statement-breakpoint
-- Claiming skips accounts that are not active: their due jobs are failed in the same statement
-- (with the reason), so a suspended tenant's queue never takes a worker slot or a round trip.
CREATE OR REPLACE FUNCTION hummdesk_claim_jobs(p_worker text, p_lease_seconds integer, p_limit integer, p_per_account integer)
RETURNS TABLE (id bigint, account_id bigint, kind text, payload jsonb, attempts integer, max_attempts integer, fence integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  UPDATE jobs j SET status = 'failed', locked_by = NULL, locked_until = NULL,
         last_error = format('account %s is %s: its AI jobs do not run', a.id, a.status)
  FROM accounts a
  WHERE a.id = j.account_id AND a.status <> 'active'
    AND ((j.status = 'queued' AND j.run_at <= now()) OR (j.status = 'running' AND j.locked_until < now()));
  RETURN QUERY
  WITH running AS (
    SELECT r.account_id, count(*)::integer AS n FROM jobs r
    WHERE r.status = 'running' AND r.locked_until >= now()
    GROUP BY r.account_id
  ),
  due AS (
    SELECT q.id, q.account_id, q.run_at,
           row_number() OVER (PARTITION BY q.account_id ORDER BY q.run_at, q.id)::integer AS rank
    FROM jobs q JOIN accounts a ON a.id = q.account_id AND a.status = 'active'
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
  RETURNING j.id, j.account_id, j.kind, j.payload, j.attempts, j.max_attempts, j.fence;
END
$$;
