-- The region knowledge base and private groups' invitations and join requests (decision 024).
-- "One entry per thread" and "one pending invitation or request per person per group" are kept by
-- the database; decisions are compare-and-set on status = 'PENDING' in the code.

-- CreateTable
CREATE TABLE "KnowledgeEntry" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "postId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupAdmission" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "invitedById" TEXT,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "GroupAdmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeEntry_threadId_key" ON "KnowledgeEntry"("threadId");

-- CreateIndex
CREATE INDEX "KnowledgeEntry_spaceId_position_idx" ON "KnowledgeEntry"("spaceId", "position");

-- CreateIndex
CREATE INDEX "GroupAdmission_userId_status_idx" ON "GroupAdmission"("userId", "status");

-- CreateIndex
CREATE INDEX "GroupAdmission_spaceId_status_idx" ON "GroupAdmission"("spaceId", "status");

-- AddForeignKey
ALTER TABLE "KnowledgeEntry" ADD CONSTRAINT "KnowledgeEntry_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "CommunitySpace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeEntry" ADD CONSTRAINT "KnowledgeEntry_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeEntry" ADD CONSTRAINT "KnowledgeEntry_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeEntry" ADD CONSTRAINT "KnowledgeEntry_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "CommunitySpace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A knowledge-base entry has a title and a summary of sensible length.
ALTER TABLE "KnowledgeEntry" ADD CONSTRAINT "KnowledgeEntry_text_check" CHECK (
  char_length("title") BETWEEN 3 AND 160 AND char_length("summary") BETWEEN 1 AND 1000
);
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_kind_check" CHECK ("kind" IN ('INVITATION', 'REQUEST'));
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_status_check" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'DECLINED'));
-- An invitation names who sent it; a decided one says who decided and when.
ALTER TABLE "GroupAdmission" ADD CONSTRAINT "GroupAdmission_shape_check" CHECK (
  ("kind" = 'REQUEST' OR "invitedById" IS NOT NULL)
  AND (("status" = 'PENDING') = ("decidedAt" IS NULL))
  AND ("status" = 'PENDING' OR "decidedById" IS NOT NULL)
);
-- One pending invitation or request per person per group, however fast they are sent.
CREATE UNIQUE INDEX "GroupAdmission_one_pending" ON "GroupAdmission" ("spaceId", "userId") WHERE "status" = 'PENDING';
