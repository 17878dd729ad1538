-- Project search, accent- and case-insensitive, tolerant of typos and word order
-- (see domain/projects/search-projects.ts). Each project keeps its folded words
-- ("searchWords": title, commune, canton, porteur; "titleWords": the title in order),
-- written by triggers; "SearchWord" lists every word once, with a trigram index, so a
-- mistyped word is corrected against a few thousand words instead of every project.
-- Prisma models the columns (@ignore: the database writes them, never the client) and
-- the table; the extensions, functions and triggers are beyond its schema language.

-- Extensions belong to the database, not to a schema: they live in "public", shared by
-- every schema (one per test file), and the SQL names them schema-qualified.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "searchWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "titleWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SearchWord" (
    "id" SERIAL NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchWord_word_key" ON "SearchWord"("word");

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Project_searchWords_idx" ON "Project" USING GIN ("searchWords");

-- Lower case, accents removed, every run of other characters one space: the same words
-- as foldWords() in TypeScript. unaccent() is only STABLE (its dictionary could change);
-- naming the dictionary makes this wrapper IMMUTABLE and independent of search_path.
CREATE FUNCTION "bpc40_fold"(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')) $$;

-- Fills the project's words from its title and the names it points to, and adds new
-- words to "SearchWord" (words are never removed: a stale one only matches nothing).
CREATE FUNCTION "project_search_words"() RETURNS TRIGGER
LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
DECLARE
  folded TEXT := "bpc40_fold"(concat_ws(' ',
    NEW."title",
    (SELECT "name" FROM "Commune" WHERE "id" = NEW."communeId"),
    (SELECT "name" FROM "Canton" WHERE "id" = NEW."cantonId"),
    (SELECT "name" FROM "Holder" WHERE "id" = NEW."holderId")));
BEGIN
  NEW."titleWords" := string_to_array("bpc40_fold"(NEW."title"), ' ');
  NEW."searchWords" := ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(folded, ' ')) AS w WHERE w <> '' ORDER BY w);
  INSERT INTO "SearchWord" ("word")
    SELECT w FROM unnest(NEW."searchWords") AS w
    WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."word" = w)
    ORDER BY w
  ON CONFLICT ("word") DO NOTHING;
  RETURN NEW;
END
$$;

-- A renamed porteur, commune or canton refreshes its projects' words
-- (SET "title" = "title" fires the project trigger).
CREATE FUNCTION "project_search_words_refresh"() RETURNS TRIGGER
LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_TABLE_NAME = 'Holder' THEN
    UPDATE "Project" SET "title" = "title" WHERE "holderId" = NEW."id";
  ELSIF TG_TABLE_NAME = 'Commune' THEN
    UPDATE "Project" SET "title" = "title" WHERE "communeId" = NEW."id";
  ELSE
    UPDATE "Project" SET "title" = "title" WHERE "cantonId" = NEW."id";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Project_searchWords" BEFORE INSERT OR UPDATE OF "title", "communeId", "cantonId", "holderId"
ON "Project" FOR EACH ROW EXECUTE FUNCTION "project_search_words"();

CREATE TRIGGER "Holder_searchWords" AFTER UPDATE OF "name" ON "Holder"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "project_search_words_refresh"();

CREATE TRIGGER "Commune_searchWords" AFTER UPDATE OF "name" ON "Commune"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "project_search_words_refresh"();

CREATE TRIGGER "Canton_searchWords" AFTER UPDATE OF "name" ON "Canton"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "project_search_words_refresh"();

-- Projects written before this migration.
UPDATE "Project" SET "title" = "title";
