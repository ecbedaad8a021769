-- CreateTable
CREATE TABLE "CuratorRequest" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "curatorId" TEXT NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "accepted" BOOLEAN,

    CONSTRAINT "CuratorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CuratorRequest_curatorId_decidedAt_idx" ON "CuratorRequest"("curatorId", "decidedAt");

-- CreateIndex
CREATE INDEX "CuratorRequest_learnerId_decidedAt_idx" ON "CuratorRequest"("learnerId", "decidedAt");

-- AddForeignKey
ALTER TABLE "CuratorRequest" ADD CONSTRAINT "CuratorRequest_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorRequest" ADD CONSTRAINT "CuratorRequest_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
