-- Erasure on request (issue 15, decision 051): an erased account stays as an anonymous tombstone
-- row, so the assessments, learning and forum posts that point at it keep their place and the
-- region's figures stay as they were.

-- AlterEnum
ALTER TYPE "UserStatus" ADD VALUE 'ERASED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- The status is compared as text below: a value added to an enum cannot be used as one in the
-- transaction that added it.

-- An erased account has its erasure time and no password: it can never sign in.
ALTER TABLE "User" ADD CONSTRAINT "User_erased_check" CHECK (
  ("status"::text = 'ERASED') = ("erasedAt" IS NOT NULL)
  AND ("status"::text <> 'ERASED' OR "passwordHash" IS NULL)
);

-- Erasure is final: no update makes an erased account active or disabled again (an admin's
-- "enable", a script, a restore of the status by hand). A person who comes back is invited anew and
-- gets a new account with a new id.
CREATE FUNCTION skh_keep_erased() RETURNS trigger AS $$
BEGIN
  IF OLD."status"::text = 'ERASED' AND NEW."status"::text <> 'ERASED' THEN
    RAISE EXCEPTION 'user % was erased and stays erased', OLD."id" USING ERRCODE = 'check_violation', CONSTRAINT = 'User_erased_final';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_erased_final" BEFORE UPDATE OF "status" ON "User"
  FOR EACH ROW EXECUTE FUNCTION skh_keep_erased();

-- A submitted assessment keeps its answers (migration 20261130110000_invariants), with one more
-- exception: when its owner has been erased, a rating's note — the person's own words, never part
-- of any aggregate — may be cleared. The level and everything else stay as submitted.
CREATE OR REPLACE FUNCTION skh_refuse_submitted_assessment_change() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Assessment' THEN
    IF OLD."status" = 'SUBMITTED' THEN
      IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = OLD."userId") THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'submitted assessment % is immutable', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM "Assessment" a WHERE a."id" = OLD."assessmentId" AND a."status" = 'SUBMITTED') THEN
      IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'AssessmentRating' THEN
        IF NEW."note" IS NULL
           AND NEW."assessmentId" = OLD."assessmentId" AND NEW."itemType" = OLD."itemType"
           AND NEW."itemId" = OLD."itemId" AND NEW."level" = OLD."level"
           AND EXISTS (SELECT 1 FROM "Assessment" a JOIN "User" u ON u."id" = a."userId"
                        WHERE a."id" = OLD."assessmentId" AND u."status"::text = 'ERASED') THEN
          RETURN NEW;
        END IF;
      END IF;
      RAISE EXCEPTION 'submitted assessment % is immutable', OLD."assessmentId" USING ERRCODE = 'P0001';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF EXISTS (SELECT 1 FROM "Assessment" a WHERE a."id" = NEW."assessmentId" AND a."status" = 'SUBMITTED') THEN
    RAISE EXCEPTION 'submitted assessment % is immutable', NEW."assessmentId" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
