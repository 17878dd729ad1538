-- Change notices say what was done: "<schema>.<table>:<INSERT|UPDATE|DELETE|TRUNCATE>". A
-- cache of rows known to exist (the bot's stored conversations) cannot be made wrong by a
-- row added, so a new conversation no longer empties it in every bot instance.
CREATE OR REPLACE FUNCTION "bpc40_notify_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bpc40_changes', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME || ':' || TG_OP);
  RETURN NULL;
END
$$;
