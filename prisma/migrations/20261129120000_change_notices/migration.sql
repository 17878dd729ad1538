-- Read caches of the bot processes (bot/cache/): every row written to a table they derive
-- from is announced on the channel "bpc40_changes" as "<schema>.<table>". PostgreSQL
-- delivers the notice at commit (once per table and transaction) to every listening bot
-- instance, which drops what it derived from that table. A row trigger fires only for
-- rows really written: an upsert that changes nothing announces nothing.
CREATE FUNCTION "bpc40_notify_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bpc40_changes', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['Agent', 'ConversationReference', 'Project', 'Edition', 'Theme', 'Commune', 'Canton',
                           'Holder', 'Agreement', 'Payment', 'Invoice', 'InvoiceCheck', 'Event', 'SearchWord'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "bpc40_notify_change"()',
                   t || '_notifyChange', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bpc40_notify_change"()',
                   t || '_notifyTruncate', t);
  END LOOP;
END
$$;
