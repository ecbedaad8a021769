-- Community drafts and @handles (issue 11, decision 025).
--
-- 1. Every person gets a handle for @mentions, derived from their name: Ukrainian Cyrillic is
--    transliterated by the official 2010 table (Cabinet of Ministers resolution No. 55), words are
--    joined with dots, and a short number is added when the handle is taken. A BEFORE INSERT
--    trigger gives new accounts theirs, so no code that creates a person has to remember it;
--    existing accounts are backfilled here, oldest first. The TypeScript mirror of the table is
--    features/community/handles.ts (a test checks that both agree).
-- 2. PostDraft: one draft per person per target (a new thread in a space, a reply in a thread, an
--    edit of a post), saved by a compare-and-set upsert on a growing revision.

-- The handle base of a name: lower-case Latin, words joined by ".", at most 24 characters.
CREATE OR REPLACE FUNCTION skh_handle_base(input text) RETURNS text AS $$
DECLARE
  result text := '';
  ch text;
  latin text;
  prev text := '';
  prev_is_letter boolean := false;
  i integer;
BEGIN
  FOR i IN 1 .. coalesce(char_length(input), 0) LOOP
    -- Cyrillic is lowered by table: lower() follows the database's locale, which may be C.
    ch := lower(translate(substr(input, i, 1), 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЫЭЪ', 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ'));
    latin := CASE ch
      WHEN 'а' THEN 'a' WHEN 'б' THEN 'b' WHEN 'в' THEN 'v'
      -- "зг" is "zgh" (Згорани → Zghorany), so it is not read as "zh"
      WHEN 'г' THEN CASE WHEN prev = 'з' THEN 'gh' ELSE 'h' END
      WHEN 'ґ' THEN 'g' WHEN 'д' THEN 'd' WHEN 'е' THEN 'e'
      WHEN 'є' THEN CASE WHEN prev_is_letter THEN 'ie' ELSE 'ye' END
      WHEN 'ж' THEN 'zh' WHEN 'з' THEN 'z' WHEN 'и' THEN 'y' WHEN 'і' THEN 'i'
      WHEN 'ї' THEN CASE WHEN prev_is_letter THEN 'i' ELSE 'yi' END
      WHEN 'й' THEN CASE WHEN prev_is_letter THEN 'i' ELSE 'y' END
      WHEN 'к' THEN 'k' WHEN 'л' THEN 'l' WHEN 'м' THEN 'm' WHEN 'н' THEN 'n' WHEN 'о' THEN 'o'
      WHEN 'п' THEN 'p' WHEN 'р' THEN 'r' WHEN 'с' THEN 's' WHEN 'т' THEN 't' WHEN 'у' THEN 'u'
      WHEN 'ф' THEN 'f' WHEN 'х' THEN 'kh' WHEN 'ц' THEN 'ts' WHEN 'ч' THEN 'ch' WHEN 'ш' THEN 'sh'
      WHEN 'щ' THEN 'shch' WHEN 'ь' THEN ''
      WHEN 'ю' THEN CASE WHEN prev_is_letter THEN 'iu' ELSE 'yu' END
      WHEN 'я' THEN CASE WHEN prev_is_letter THEN 'ia' ELSE 'ya' END
      -- letters of names written the Russian way
      WHEN 'ё' THEN CASE WHEN prev_is_letter THEN 'io' ELSE 'yo' END
      WHEN 'ы' THEN 'y' WHEN 'э' THEN 'e' WHEN 'ъ' THEN ''
      -- the apostrophe is left out and keeps the word together (Знам'янка → Znamianka)
      WHEN '''' THEN '' WHEN '’' THEN '' WHEN 'ʼ' THEN '' WHEN '`' THEN ''
      ELSE CASE WHEN ch ~ '^[a-z0-9]$' THEN ch ELSE '.' END
    END;
    result := result || latin;
    IF ch NOT IN ('''', '’', 'ʼ', '`') THEN
      prev_is_letter := latin <> '.';
    END IF;
    prev := ch;
  END LOOP;
  result := trim(BOTH '.' FROM regexp_replace(result, '\.+', '.', 'g'));
  IF char_length(result) > 24 THEN
    result := trim(BOTH '.' FROM left(result, 24));
  END IF;
  IF char_length(result) < 2 THEN
    result := 'user';
  END IF;
  RETURN result;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

-- The base itself when free, otherwise the base and a short number.
CREATE OR REPLACE FUNCTION skh_free_handle(base text) RETURNS text AS $$
DECLARE
  candidate text := base;
  tries integer := 0;
BEGIN
  WHILE EXISTS (SELECT 1 FROM "User" WHERE "handle" = candidate) LOOP
    tries := tries + 1;
    candidate := base || '-' || CASE
      WHEN tries <= 20 THEN (10 + floor(random() * 90))::integer::text
      WHEN tries <= 40 THEN (1000 + floor(random() * 9000))::integer::text
      ELSE substr(md5(random()::text || clock_timestamp()::text), 1, 10)
    END;
  END LOOP;
  RETURN candidate;
END;
$$ LANGUAGE plpgsql VOLATILE;

CREATE OR REPLACE FUNCTION skh_assign_user_handle() RETURNS trigger AS $$
BEGIN
  IF NEW."handle" IS NULL OR NEW."handle" = '' THEN
    NEW."handle" := skh_free_handle(skh_handle_base(NEW."name"));
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

ALTER TABLE "User" ADD COLUMN "handle" TEXT NOT NULL DEFAULT '';

-- Backfill, oldest account first (it keeps the plain name); a plain index keeps the lookups quick.
CREATE INDEX "User_handle_backfill_idx" ON "User"("handle");
DO $$
DECLARE
  person record;
BEGIN
  FOR person IN SELECT "id", "name" FROM "User" ORDER BY "createdAt", "id" LOOP
    UPDATE "User" SET "handle" = skh_free_handle(skh_handle_base(person."name")) WHERE "id" = person."id";
  END LOOP;
END;
$$;
DROP INDEX "User_handle_backfill_idx";

CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");
ALTER TABLE "User"
  ADD CONSTRAINT "User_handle_check" CHECK ("handle" ~ '^[a-z0-9][a-z0-9._-]{0,38}[a-z0-9]$');

CREATE TRIGGER "User_assign_handle" BEFORE INSERT ON "User"
  FOR EACH ROW EXECUTE FUNCTION skh_assign_user_handle();

-- CreateTable
CREATE TABLE "PostDraft" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "revision" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostDraft_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PostDraft_kind_check" CHECK ("kind" IN ('THREAD', 'REPLY', 'EDIT')),
    CONSTRAINT "PostDraft_revision_check" CHECK ("revision" >= 0)
);

-- One draft per person per target: the upsert's conflict target.
CREATE UNIQUE INDEX "PostDraft_userId_kind_targetId_key" ON "PostDraft"("userId", "kind", "targetId");

-- The retention purge deletes drafts by age.
CREATE INDEX "PostDraft_updatedAt_idx" ON "PostDraft"("updatedAt");

ALTER TABLE "PostDraft" ADD CONSTRAINT "PostDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
