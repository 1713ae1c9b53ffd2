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
GRANT EXECUTE ON FUNCTION hummdesk_due_snoozes(integer) TO hummdesk_app;--> statement-breakpoint

-- A visitor message wakes a snoozed conversation on the one-statement path too: it already set the
-- status back to open but kept the wake time, so an open conversation still said "snoozed until".
-- Same function as in 0008 but for the snoozed_until line (the longer path clears it already).
CREATE OR REPLACE FUNCTION hummdesk_visitor_send(
  p_account_id bigint, p_inbox_id bigint, p_visitor_id text, p_client_message_id text, p_content text,
  p_email text, p_identified boolean, p_job jsonb)
RETURNS jsonb LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
DECLARE
  v_inbox inboxes%ROWTYPE;
  v_contact contacts%ROWTYPE;
  v_conversation conversations%ROWTYPE;
  v_message messages%ROWTYPE;
BEGIN
  PERFORM set_config('app.account_id', p_account_id::text, true);
  PERFORM pg_advisory_xact_lock(hashtext('visitor:' || p_visitor_id));
  -- A suspended or cancelled account takes the longer path, which refuses it with a clear error.
  PERFORM 1 FROM accounts WHERE id = p_account_id AND status = 'active';
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'slow'); END IF;
  SELECT * INTO v_inbox FROM inboxes WHERE account_id = p_account_id AND id = p_inbox_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'slow'); END IF;
  SELECT * INTO v_contact FROM contacts WHERE account_id = p_account_id AND visitor_id = p_visitor_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'slow'); END IF;
  -- The same clientMessageId again, in any of the contact's conversations (even a resolved one).
  SELECT m.* INTO v_message FROM messages m
    JOIN conversations c ON c.account_id = m.account_id AND c.id = m.conversation_id
    WHERE m.account_id = p_account_id AND c.contact_id = v_contact.id AND m.client_message_id = p_client_message_id
    ORDER BY m.id DESC LIMIT 1;
  IF FOUND THEN
    SELECT * INTO v_conversation FROM conversations WHERE account_id = p_account_id AND id = v_message.conversation_id;
    RETURN jsonb_build_object('outcome', 'duplicate', 'message', to_jsonb(v_message), 'conversation', to_jsonb(v_conversation));
  END IF;
  IF (p_email IS NOT NULL AND v_contact.email IS NULL)
     OR (v_inbox.require_email AND p_email IS NULL AND v_contact.email IS NULL)
     OR (v_inbox.enforce_identity AND NOT p_identified AND NOT v_contact.identifier_verified) THEN
    RETURN jsonb_build_object('outcome', 'slow');
  END IF;
  SELECT * INTO v_conversation FROM conversations
    WHERE account_id = p_account_id AND contact_id = v_contact.id AND inbox_id = p_inbox_id AND status <> 'resolved'
    ORDER BY id DESC LIMIT 1;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'slow'); END IF;
  INSERT INTO messages (account_id, conversation_id, sender_type, sender_id, sender_name, message_type, content, client_message_id)
    VALUES (p_account_id, v_conversation.id, 'contact', v_contact.id, v_contact.name, 'incoming', p_content, p_client_message_id)
    ON CONFLICT (account_id, conversation_id, client_message_id) DO NOTHING
    RETURNING * INTO v_message;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'slow'); END IF;
  UPDATE conversations SET unread_count = unread_count + 1, last_activity_at = v_message.created_at,
         status = CASE WHEN status IN ('pending', 'snoozed') THEN 'open'::conversation_status ELSE status END,
         snoozed_until = NULL
    WHERE account_id = p_account_id AND id = v_conversation.id
    RETURNING * INTO v_conversation;
  IF p_job IS NOT NULL THEN
    INSERT INTO jobs (account_id, kind, unique_key, payload, run_at)
      VALUES (p_account_id, p_job->>'kind', 'message:' || v_message.id,
              coalesce(p_job->'payload', '{}'::jsonb) || jsonb_build_object('messageId', v_message.id),
              now() + make_interval(secs => coalesce((p_job->>'delayMs')::numeric, 0) / 1000))
      ON CONFLICT (account_id, kind, unique_key) DO NOTHING;
  END IF;
  RETURN jsonb_build_object('outcome', 'created', 'message', to_jsonb(v_message), 'conversation', to_jsonb(v_conversation),
    'contact', jsonb_build_object('id', v_contact.id, 'name', v_contact.name));
END
$$;
