-- Hand-written: what drizzle-kit cannot express. Row-level security (enabled AND forced) on every
-- tenant table, the application role, updated_at triggers, per-account display ids, the
-- knowledge-base search vector, get_available_agents(), and the few SECURITY DEFINER functions
-- that must look across tenants (resolve a public website token, log in, claim jobs).
-- Migrations run as the tables' owner, which must be a superuser or have BYPASSRLS.

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hummdesk_app') THEN
    CREATE ROLE hummdesk_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;--> statement-breakpoint
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'hummdesk_app', 'MEMBER') THEN
    EXECUTE format('GRANT hummdesk_app TO %I', current_user);
  END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO hummdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hummdesk_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hummdesk_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hummdesk_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hummdesk_app;--> statement-breakpoint

CREATE FUNCTION hummdesk_current_account() RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.account_id', true), '')::bigint $$;--> statement-breakpoint

-- Every table with account_id: RLS enabled and forced, one policy for reads and writes.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
           WHERE c.table_schema = 'public' AND c.column_name = 'account_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint)
      WITH CHECK (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint)$p$, t);
  END LOOP;
END $$;--> statement-breakpoint

-- The account row itself is visible only to its own unit of work.
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON accounts
  USING (id = NULLIF(current_setting('app.account_id', true), '')::bigint)
  WITH CHECK (id = NULLIF(current_setting('app.account_id', true), '')::bigint);--> statement-breakpoint

-- A user is visible to the accounts it belongs to (account_users is itself tenant-filtered).
ALTER TABLE users ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY member_read ON users FOR SELECT
  USING (EXISTS (SELECT 1 FROM account_users au WHERE au.user_id = users.id));--> statement-breakpoint
CREATE POLICY member_update ON users FOR UPDATE
  USING (EXISTS (SELECT 1 FROM account_users au WHERE au.user_id = users.id));--> statement-breakpoint

CREATE FUNCTION hummdesk_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_name = 'updated_at'
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION hummdesk_touch_updated_at()', t || '_updated_at', t);
  END LOOP;
END $$;--> statement-breakpoint

-- Per-account display ids (#1, #2, ...) without a race: the account row is the counter.
CREATE FUNCTION hummdesk_assign_display_id() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.display_id IS NULL OR NEW.display_id = 0 THEN
    UPDATE accounts SET last_display_id = last_display_id + 1 WHERE id = NEW.account_id
      RETURNING last_display_id INTO NEW.display_id;
    IF NEW.display_id IS NULL THEN
      RAISE EXCEPTION 'account % does not exist', NEW.account_id USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
ALTER TABLE conversations ALTER COLUMN display_id SET DEFAULT 0;--> statement-breakpoint
CREATE TRIGGER conversations_display_id BEFORE INSERT ON conversations
  FOR EACH ROW EXECUTE FUNCTION hummdesk_assign_display_id();--> statement-breakpoint

-- Each article is searched with its own language's configuration.
CREATE FUNCTION hummdesk_ts_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE lang WHEN 'fi' THEN 'finnish'::regconfig WHEN 'sv' THEN 'swedish'::regconfig
                   WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector(hummdesk_ts_config(NEW.language::text), coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector(hummdesk_ts_config(NEW.language::text), coalesce(NEW.body, '')), 'B');
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER knowledge_base_articles_search_vector BEFORE INSERT OR UPDATE OF title, body, language
  ON knowledge_base_articles FOR EACH ROW EXECUTE FUNCTION hummdesk_article_search_vector();--> statement-breakpoint

-- Online agents of a team (or of the whole account when team is NULL) with free capacity,
-- least loaded first. Load is counted from open and pending conversations, never cached.
CREATE FUNCTION get_available_agents(p_account_id bigint, p_team_id bigint)
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
    AND load.n < au.max_concurrent
    AND (p_team_id IS NULL OR EXISTS (
      SELECT 1 FROM team_members tm WHERE tm.account_id = au.account_id AND tm.team_id = p_team_id AND tm.user_id = au.user_id))
  ORDER BY load.n ASC, (load.n::real / GREATEST(au.max_concurrent, 1)) ASC, au.last_assigned_at ASC NULLS FIRST, au.user_id ASC
$$;--> statement-breakpoint

-- Cross-tenant look-ups, each returning only what its caller may know.
CREATE FUNCTION hummdesk_resolve_inbox(p_website_token text)
RETURNS TABLE (account_id bigint, inbox_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.account_id, i.id FROM inboxes i JOIN accounts a ON a.id = i.account_id
  WHERE i.website_token = p_website_token AND a.status = 'active'
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_find_login(p_email text)
RETURNS TABLE (user_id bigint, name text, email text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.name, u.email, u.password_hash FROM users u WHERE u.email = lower(p_email)
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_user_accounts(p_user_id bigint)
RETURNS TABLE (account_id bigint, name text, subdomain text, role role)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.id, a.name, a.subdomain, au.role FROM account_users au JOIN accounts a ON a.id = au.account_id
  WHERE au.user_id = p_user_id AND a.status = 'active' ORDER BY a.id
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_create_user(p_email text, p_name text, p_password_hash text)
RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO users (email, name, password_hash) VALUES (lower(p_email), p_name, p_password_hash) RETURNING id
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_create_account(p_name text, p_subdomain text, p_locale widget_locale)
RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO accounts (name, subdomain, locale) VALUES (p_name, p_subdomain, p_locale) RETURNING id
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_account_by_subdomain(p_subdomain text)
RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM accounts WHERE subdomain = p_subdomain
$$;--> statement-breakpoint
CREATE FUNCTION hummdesk_schema_version()
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::integer FROM drizzle.__drizzle_migrations
$$;--> statement-breakpoint
-- Claims due jobs across accounts (a worker then runs each inside its own account), taking over
-- jobs whose lease expired; every claim bumps the fence so a stale attempt cannot write.
CREATE FUNCTION hummdesk_claim_jobs(p_worker text, p_lease_seconds integer, p_limit integer)
RETURNS TABLE (id bigint, account_id bigint, kind text, payload jsonb, attempts integer, max_attempts integer, fence integer)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, locked_by = p_worker,
         locked_until = now() + make_interval(secs => p_lease_seconds), fence = j.fence + 1
  WHERE j.id IN (
    SELECT q.id FROM jobs q
    WHERE (q.status = 'queued' AND q.run_at <= now()) OR (q.status = 'running' AND q.locked_until < now())
    ORDER BY q.run_at, q.id
    FOR UPDATE SKIP LOCKED
    LIMIT p_limit)
  RETURNING j.id, j.account_id, j.kind, j.payload, j.attempts, j.max_attempts, j.fence
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION hummdesk_claim_jobs(text, integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION hummdesk_claim_jobs(text, integer, integer) TO hummdesk_app;
