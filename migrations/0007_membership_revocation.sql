-- A removed membership closes that agent's open sockets at once, whatever removed it (an API
-- call, a user deleted, plain SQL): the row's deletion is announced on the realtime hub's
-- channel after the commit, in the hub's batch format (a JSON array of events).
CREATE OR REPLACE FUNCTION hummdesk_membership_ended() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hummdesk_events', json_build_array(json_build_object('kind', 'membership.ended', 'accountId', OLD.account_id, 'userId', OLD.user_id))::text);
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER account_users_membership_ended AFTER DELETE ON account_users
  FOR EACH ROW EXECUTE FUNCTION hummdesk_membership_ended();
