-- Invariants the database keeps (decision 016): the rules that say "one", references that point at
-- rows, values within their range, history that survives another person's account going, and
-- submitted assessments that cannot lose their answers. Partial unique indexes, CHECK constraints
-- and triggers cannot be written in schema.prisma; they live here.

-- 1. Repair what races may already have left behind, so the constraints below can be added.

-- A mentee with several current curators keeps the earliest; the later pairings end now.
UPDATE "Mentorship" m SET "endedAt" = CURRENT_TIMESTAMP
 WHERE m."endedAt" IS NULL
   AND EXISTS (SELECT 1 FROM "Mentorship" o
                WHERE o."menteeId" = m."menteeId" AND o."endedAt" IS NULL
                  AND (o."startedAt", o."id") < (m."startedAt", m."id"));

-- Only learners are mentees: a pairing of anyone else (an admin, a methodologist) gave a curator
-- their competences to read, and ends now.
UPDATE "Mentorship" m SET "endedAt" = CURRENT_TIMESTAMP
 WHERE m."endedAt" IS NULL
   AND NOT EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = m."menteeId" AND r."role" = 'LEARNER');

-- A person with several drafts keeps the one saved last (drafts are not part of any record).
DELETE FROM "Assessment" a
 WHERE a."status" = 'DRAFT'
   AND EXISTS (SELECT 1 FROM "Assessment" o
                WHERE o."userId" = a."userId" AND o."status" = 'DRAFT'
                  AND (o."updatedAt", o."id") > (a."updatedAt", a."id"));

-- A learner with several pending curator requests keeps the first; the others count as declined.
UPDATE "CuratorRequest" r SET "decidedAt" = CURRENT_TIMESTAMP, "accepted" = false
 WHERE r."decidedAt" IS NULL
   AND EXISTS (SELECT 1 FROM "CuratorRequest" o
                WHERE o."learnerId" = r."learnerId" AND o."decidedAt" IS NULL
                  AND (o."createdAt", o."id") < (r."createdAt", r."id"));

-- Feedback of a curator or mentee whose account is gone has no thread to belong to.
DELETE FROM "FeedbackMessage" f
 WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = f."curatorId")
    OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = f."menteeId");

-- Receipt time of activity recorded before it was kept: the claimed time is the best known.
ALTER TABLE "LearningActivity" ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "LearningActivity" SET "receivedAt" = "at";

-- 2. One of a kind.

CREATE UNIQUE INDEX "Mentorship_menteeId_current_key" ON "Mentorship"("menteeId") WHERE "endedAt" IS NULL;
CREATE UNIQUE INDEX "Assessment_userId_draft_key" ON "Assessment"("userId") WHERE "status" = 'DRAFT';
CREATE UNIQUE INDEX "CuratorRequest_learnerId_pending_key" ON "CuratorRequest"("learnerId") WHERE "decidedAt" IS NULL;

-- Organization names are unique within a hromada, not across the country.
DROP INDEX "Organization_name_key";
CREATE UNIQUE INDEX "Organization_hromadaId_name_key" ON "Organization"("hromadaId", "name");

-- 3. Values within their range. Kinds stay TEXT with a CHECK (not enums) so the TypeScript types
-- and the code that reads them do not change; a new kind is one migration away.

ALTER TABLE "User"
  ADD CONSTRAINT "User_curatorCapacity_check" CHECK ("curatorCapacity" BETWEEN 0 AND 200),
  ADD CONSTRAINT "User_dailyGoalMinutes_check" CHECK ("dailyGoalMinutes" BETWEEN 1 AND 120),
  ADD CONSTRAINT "User_digest_check" CHECK ("digest" IS NULL OR "digest" IN ('off', 'daily', 'weekly')),
  ADD CONSTRAINT "User_failedSignIns_check" CHECK ("failedSignIns" >= 0),
  ADD CONSTRAINT "User_sessionVersion_check" CHECK ("sessionVersion" >= 1);

ALTER TABLE "Organization"
  ADD CONSTRAINT "Organization_reassessEveryDays_check" CHECK ("reassessEveryDays" BETWEEN 30 AND 365);

ALTER TABLE "AssessmentRating"
  ADD CONSTRAINT "AssessmentRating_level_check" CHECK ("level" BETWEEN 0 AND 8);

ALTER TABLE "Mentorship"
  ADD CONSTRAINT "Mentorship_not_self_check" CHECK ("curatorId" <> "menteeId");

ALTER TABLE "CuratorRequest"
  ADD CONSTRAINT "CuratorRequest_decision_check" CHECK (("decidedAt" IS NULL) = ("accepted" IS NULL)),
  ADD CONSTRAINT "CuratorRequest_not_self_check" CHECK ("curatorId" <> "learnerId");

ALTER TABLE "LessonProgress"
  ADD CONSTRAINT "LessonProgress_completedOn_check" CHECK ("completedOn" IS NULL OR "completedOn" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  ADD CONSTRAINT "LessonProgress_minutes_check" CHECK ("minutes" >= 0),
  ADD CONSTRAINT "LessonProgress_step_check" CHECK ("step" >= 0);

ALTER TABLE "WalkthroughProgress"
  ADD CONSTRAINT "WalkthroughProgress_completedOn_check" CHECK ("completedOn" IS NULL OR "completedOn" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  ADD CONSTRAINT "WalkthroughProgress_step_check" CHECK ("step" >= 0);

ALTER TABLE "LearningActivity"
  ADD CONSTRAINT "LearningActivity_kind_check" CHECK ("kind" IN ('lesson', 'review', 'walkthrough')),
  ADD CONSTRAINT "LearningActivity_day_check" CHECK ("day" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  ADD CONSTRAINT "LearningActivity_seconds_check" CHECK ("seconds" >= 0);

ALTER TABLE "Assignment"
  ADD CONSTRAINT "Assignment_kind_check" CHECK ("kind" IN ('lesson', 'track', 'walkthrough')),
  ADD CONSTRAINT "Assignment_dueOn_check" CHECK ("dueOn" IS NULL OR "dueOn" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');

ALTER TABLE "WalkthroughReport"
  ADD CONSTRAINT "WalkthroughReport_kind_check" CHECK ("kind" IN ('stuck', 'looks-different'));

-- 4. References that point at rows. Another person's history stays when an account goes:
-- accounts are disabled, or anonymised for erasure, never deleted while others rely on them, so
-- the reference to the curator, reviewer, verifier or inviter restricts the delete.

ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_curatorId_fkey";
ALTER TABLE "CuratorRequest" DROP CONSTRAINT "CuratorRequest_curatorId_fkey";
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_invitedById_fkey";
ALTER TABLE "Mentorship" DROP CONSTRAINT "Mentorship_curatorId_fkey";
ALTER TABLE "RatingReview" DROP CONSTRAINT "RatingReview_curatorId_fkey";
ALTER TABLE "WalkthroughVerification" DROP CONSTRAINT "WalkthroughVerification_verifiedById_fkey";

ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CuratorRequest" ADD CONSTRAINT "CuratorRequest_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RatingReview" ADD CONSTRAINT "RatingReview_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WalkthroughVerification" ADD CONSTRAINT "WalkthroughVerification_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "FeedbackMessage" ADD CONSTRAINT "FeedbackMessage_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FeedbackMessage" ADD CONSTRAINT "FeedbackMessage_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WalkthroughReport" ADD CONSTRAINT "WalkthroughReport_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WalkthroughReport" ADD CONSTRAINT "WalkthroughReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_hromadaId_fkey" FOREIGN KEY ("hromadaId") REFERENCES "Hromada"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 5. A submitted assessment keeps its answers. Changing or removing it, or any of its ratings,
-- purposes and tool answers, is refused. The one exception is the erasure of its owner's account:
-- the cascade from "User" reaches the assessment after the user row is gone (and its answers after
-- the assessment row is gone), which is how the trigger tells erasure from tampering.
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

DROP TRIGGER "Assessment_immutable" ON "Assessment";
DROP TRIGGER "AssessmentRating_immutable" ON "AssessmentRating";
DROP TRIGGER "AssessmentPurpose_immutable" ON "AssessmentPurpose";
DROP TRIGGER "AssessmentToolUse_immutable" ON "AssessmentToolUse";
CREATE TRIGGER "Assessment_immutable" BEFORE UPDATE OR DELETE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
CREATE TRIGGER "AssessmentRating_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "AssessmentRating"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
CREATE TRIGGER "AssessmentPurpose_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "AssessmentPurpose"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
CREATE TRIGGER "AssessmentToolUse_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "AssessmentToolUse"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();

-- 6. What the jobs and pages scan.

-- Due-soon reminders look up open assignments due on one day.
CREATE INDEX "Assignment_dueOn_open_idx" ON "Assignment"("dueOn") WHERE "completedAt" IS NULL;
-- A mentee's threads.
CREATE INDEX "FeedbackMessage_menteeId_curatorId_idx" ON "FeedbackMessage"("menteeId", "curatorId");

-- The admin's user search matches any part of a name or an e-mail address (ILIKE '%…%'), which
-- only a trigram index serves. pg_trgm ships with PostgreSQL's contrib and with PGlite (loaded in
-- server/db/pglite-extensions.ts); where a server lacks it, the search still works, unindexed.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX "User_name_trgm_idx" ON "User" USING gin ("name" gin_trgm_ops);
    CREATE INDEX "User_email_trgm_idx" ON "User" USING gin ("email" gin_trgm_ops);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm could not be created (no privilege): the user search runs unindexed';
END
$$;
