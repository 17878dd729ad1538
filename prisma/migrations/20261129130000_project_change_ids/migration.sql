-- A project's change notice now names the row: "<schema>.Project:<operation>:<id>". The
-- bot's in-memory search index (bot/cache/project-index-feed.ts) then reloads the rows
-- that changed instead of all 100 000. PostgreSQL still folds identical notices of one
-- transaction into one, so other tables keep one notice per operation and transaction.
CREATE OR REPLACE FUNCTION "bpc40_notify_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  changed TEXT := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME || ':' || TG_OP;
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'Project' THEN
    IF TG_OP = 'DELETE' THEN
      changed := changed || ':' || OLD."id";
    ELSE
      changed := changed || ':' || NEW."id";
    END IF;
  END IF;
  PERFORM pg_notify('bpc40_changes', changed);
  RETURN NULL;
END
$$;
