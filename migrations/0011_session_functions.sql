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
