CREATE INDEX "conversations_snoozed_until_idx" ON "conversations" USING btree ("snoozed_until") WHERE "conversations"."status" = 'snoozed';--> statement-breakpoint

-- Snoozes that are due, across accounts (the app role sees one account only): the server's sweep
-- wakes each inside its own account. Rows another sweep is waking right now are skipped; the wake
-- itself is a conditional update, so a conversation wakes once however many nodes sweep.
-- Suspended and cancelled accounts are left asleep until they are reactivated.
CREATE FUNCTION hummdesk_due_snoozes(p_limit integer)
RETURNS TABLE (account_id bigint, conversation_id bigint)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.account_id, c.id FROM conversations c JOIN accounts a ON a.id = c.account_id AND a.status = 'active'
  WHERE c.status = 'snoozed' AND c.snoozed_until <= now()
  ORDER BY c.snoozed_until, c.id
  LIMIT p_limit
  FOR UPDATE OF c SKIP LOCKED
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION hummdesk_due_snoozes(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION hummdesk_due_snoozes(integer) TO hummdesk_app;
