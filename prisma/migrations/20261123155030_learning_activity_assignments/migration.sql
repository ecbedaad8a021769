-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "step" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LearningActivity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "curatorId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "dueOn" TEXT,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LearningActivity_userId_day_idx" ON "LearningActivity"("userId", "day");

-- CreateIndex
CREATE INDEX "Assignment_learnerId_completedAt_idx" ON "Assignment"("learnerId", "completedAt");

-- CreateIndex
CREATE INDEX "Assignment_curatorId_createdAt_idx" ON "Assignment"("curatorId", "createdAt");

-- AddForeignKey
ALTER TABLE "LearningActivity" ADD CONSTRAINT "LearningActivity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Lessons finished before this migration become activity on the day they were finished.
INSERT INTO "LearningActivity" ("id", "userId", "kind", "contentId", "day", "seconds", "at")
SELECT 'backfill-' || md5("userId" || ':' || "lessonId"), "userId", 'lesson', "lessonId", "completedOn", GREATEST("minutes", 1) * 60, "completedAt"
FROM "LessonProgress"
WHERE "completedAt" IS NOT NULL AND "completedOn" IS NOT NULL;
