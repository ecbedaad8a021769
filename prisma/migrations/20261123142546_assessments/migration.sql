-- CreateEnum
CREATE TYPE "AssessmentForm" AS ENUM ('SHORT', 'FULL');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "RatedItem" AS ENUM ('AREA', 'COMPETENCE');

-- CreateEnum
CREATE TYPE "UseFrequency" AS ENUM ('ALWAYS', 'OFTEN', 'SOMETIMES', 'NEVER');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "reassessEveryDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "frameworkVersion" INTEGER NOT NULL,
    "profileId" TEXT NOT NULL,
    "form" "AssessmentForm" NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "organizationId" TEXT,
    "hromadaId" TEXT,
    "regionId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "summary" JSONB,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRating" (
    "assessmentId" TEXT NOT NULL,
    "itemType" "RatedItem" NOT NULL,
    "itemId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "AssessmentRating_pkey" PRIMARY KEY ("assessmentId","itemType","itemId")
);

-- CreateTable
CREATE TABLE "AssessmentPurpose" (
    "assessmentId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "frequency" "UseFrequency" NOT NULL,

    CONSTRAINT "AssessmentPurpose_pkey" PRIMARY KEY ("assessmentId","purpose")
);

-- CreateTable
CREATE TABLE "AssessmentToolUse" (
    "assessmentId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "direction" TEXT NOT NULL,

    CONSTRAINT "AssessmentToolUse_pkey" PRIMARY KEY ("assessmentId","tool","direction")
);

-- CreateTable
CREATE TABLE "RatingReview" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "itemType" "RatedItem" NOT NULL,
    "itemId" TEXT NOT NULL,
    "curatorId" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mentorship" (
    "id" TEXT NOT NULL,
    "curatorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Mentorship_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assessment_userId_status_submittedAt_idx" ON "Assessment"("userId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Assessment_regionId_status_userId_submittedAt_idx" ON "Assessment"("regionId", "status", "userId", "submittedAt");

-- CreateIndex
CREATE INDEX "Assessment_hromadaId_status_userId_submittedAt_idx" ON "Assessment"("hromadaId", "status", "userId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RatingReview_assessmentId_itemType_itemId_curatorId_key" ON "RatingReview"("assessmentId", "itemType", "itemId", "curatorId");

-- CreateIndex
CREATE INDEX "Mentorship_curatorId_endedAt_idx" ON "Mentorship"("curatorId", "endedAt");

-- CreateIndex
CREATE INDEX "Mentorship_menteeId_endedAt_idx" ON "Mentorship"("menteeId", "endedAt");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRating" ADD CONSTRAINT "AssessmentRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPurpose" ADD CONSTRAINT "AssessmentPurpose_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentToolUse" ADD CONSTRAINT "AssessmentToolUse_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingReview" ADD CONSTRAINT "RatingReview_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingReview" ADD CONSTRAINT "RatingReview_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A submitted assessment is an immutable snapshot: refuse any change to it or its answers.
-- Deleting (an account's erasure cascades) stays possible.
CREATE OR REPLACE FUNCTION skh_refuse_submitted_assessment_change() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Assessment' THEN
    IF OLD."status" = 'SUBMITTED' THEN
      RAISE EXCEPTION 'submitted assessment % is immutable', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "Assessment" a WHERE a."id" = NEW."assessmentId" AND a."status" = 'SUBMITTED') THEN
    RAISE EXCEPTION 'submitted assessment % is immutable', NEW."assessmentId" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Assessment_immutable" BEFORE UPDATE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
CREATE TRIGGER "AssessmentRating_immutable" BEFORE INSERT OR UPDATE ON "AssessmentRating"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
CREATE TRIGGER "AssessmentPurpose_immutable" BEFORE INSERT OR UPDATE ON "AssessmentPurpose"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
CREATE TRIGGER "AssessmentToolUse_immutable" BEFORE INSERT OR UPDATE ON "AssessmentToolUse"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_submitted_assessment_change();
