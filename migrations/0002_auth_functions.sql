-- The name and email of a user by id, for refreshing a session (users are otherwise visible only
-- inside an account they belong to).
CREATE FUNCTION hummdesk_find_login_by_id(p_user_id bigint)
RETURNS TABLE (email text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.email, u.name FROM users u WHERE u.id = p_user_id
$$;
