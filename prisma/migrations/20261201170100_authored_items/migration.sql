-- CreateTable
CREATE TABLE "AuthoredItem" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "regionId" TEXT,
    "noteKind" TEXT,
    "createdById" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'DRAFT',
    "draftText" TEXT NOT NULL,
    "draftTitle" TEXT NOT NULL DEFAULT '',
    "draftSummary" TEXT NOT NULL DEFAULT '',
    "draftRevision" INTEGER NOT NULL DEFAULT 1,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "currentVersion" INTEGER,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuthoredItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthoredItemHromada" (
    "itemId" TEXT NOT NULL,
    "hromadaId" TEXT NOT NULL,

    CONSTRAINT "AuthoredItemHromada_pkey" PRIMARY KEY ("itemId","hromadaId")
);

-- CreateTable
CREATE TABLE "AuthoredVersion" (
    "itemId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "meta" JSONB NOT NULL,
    "compiledKey" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "approvedById" TEXT NOT NULL,
    "restoredFrom" INTEGER,
    "publishAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthoredVersion_pkey" PRIMARY KEY ("itemId","number")
);

-- CreateTable
CREATE TABLE "AuthoredReview" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthoredReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionTrack" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "lessons" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegionTrack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuthoredItem_slug_key" ON "AuthoredItem"("slug");

-- CreateIndex
CREATE INDEX "AuthoredItem_regionId_kind_idx" ON "AuthoredItem"("regionId", "kind");

-- CreateIndex
CREATE INDEX "AuthoredItem_stage_idx" ON "AuthoredItem"("stage");

-- CreateIndex
CREATE INDEX "AuthoredItemHromada_hromadaId_idx" ON "AuthoredItemHromada"("hromadaId");

-- CreateIndex
CREATE INDEX "AuthoredVersion_publishAt_idx" ON "AuthoredVersion"("publishAt");

-- CreateIndex
CREATE INDEX "AuthoredReview_itemId_createdAt_idx" ON "AuthoredReview"("itemId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuthoredReview_itemId_revision_key" ON "AuthoredReview"("itemId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "RegionTrack_slug_key" ON "RegionTrack"("slug");

-- CreateIndex
CREATE INDEX "RegionTrack_regionId_idx" ON "RegionTrack"("regionId");

-- AddForeignKey
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredItemHromada" ADD CONSTRAINT "AuthoredItemHromada_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AuthoredItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredItemHromada" ADD CONSTRAINT "AuthoredItemHromada_hromadaId_fkey" FOREIGN KEY ("hromadaId") REFERENCES "Hromada"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredVersion" ADD CONSTRAINT "AuthoredVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AuthoredItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredVersion" ADD CONSTRAINT "AuthoredVersion_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredVersion" ADD CONSTRAINT "AuthoredVersion_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredReview" ADD CONSTRAINT "AuthoredReview_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AuthoredItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoredReview" ADD CONSTRAINT "AuthoredReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionTrack" ADD CONSTRAINT "RegionTrack_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionTrack" ADD CONSTRAINT "RegionTrack_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the database keeps (decision 032).
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_kind_check" CHECK ("kind" IN ('lesson', 'walkthrough', 'note'));
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80);
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_stage_check" CHECK ("stage" IN ('DRAFT', 'IN_REVIEW'));
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_note_kind_check" CHECK (
  ("kind" = 'note' AND "noteKind" IN ('RECOMMENDATION', 'PROCEDURE', 'CASE_STUDY')) OR ("kind" <> 'note' AND "noteKind" IS NULL));
-- Under review means someone submitted it; a draft carries no submission.
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_submission_check" CHECK (
  ("stage" = 'IN_REVIEW') = ("submittedById" IS NOT NULL AND "submittedAt" IS NOT NULL));
ALTER TABLE "AuthoredItem" ADD CONSTRAINT "AuthoredItem_current_version_fkey"
  FOREIGN KEY ("id", "currentVersion") REFERENCES "AuthoredVersion" ("itemId", "number") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "AuthoredVersion" ADD CONSTRAINT "AuthoredVersion_number_check" CHECK ("number" >= 1);
-- The author never approves their own text; a rollback restores a text that was approved before.
ALTER TABLE "AuthoredVersion" ADD CONSTRAINT "AuthoredVersion_second_pair_of_eyes_check" CHECK (
  "restoredFrom" IS NOT NULL OR "approvedById" <> "submittedById");
ALTER TABLE "AuthoredVersion" ADD CONSTRAINT "AuthoredVersion_restored_from_check" CHECK ("restoredFrom" IS NULL OR ("restoredFrom" >= 1 AND "restoredFrom" < "number"));
-- At most one version waits for its date per item.
CREATE UNIQUE INDEX "AuthoredVersion_one_scheduled_idx" ON "AuthoredVersion" ("itemId") WHERE "publishedAt" IS NULL;
ALTER TABLE "AuthoredReview" ADD CONSTRAINT "AuthoredReview_decision_check" CHECK ("decision" IN ('RETURNED', 'APPROVED'));
ALTER TABLE "AuthoredReview" ADD CONSTRAINT "AuthoredReview_comment_check" CHECK (length("comment") <= 4000 AND ("decision" = 'APPROVED' OR length(btrim("comment")) > 0));
ALTER TABLE "RegionTrack" ADD CONSTRAINT "RegionTrack_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80);
ALTER TABLE "RegionTrack" ADD CONSTRAINT "RegionTrack_lessons_check" CHECK (cardinality("lessons") BETWEEN 1 AND 30);
