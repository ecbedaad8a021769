-- CreateTable
CREATE TABLE "WalkthroughProgress" (
    "userId" TEXT NOT NULL,
    "walkthroughId" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "completedOn" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WalkthroughProgress_pkey" PRIMARY KEY ("userId","walkthroughId")
);

-- CreateTable
CREATE TABLE "WalkthroughReport" (
    "id" TEXT NOT NULL,
    "walkthroughId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "comment" TEXT,
    "userId" TEXT,
    "regionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "WalkthroughReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WalkthroughVerification" (
    "id" TEXT NOT NULL,
    "walkthroughId" TEXT NOT NULL,
    "verifiedById" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "WalkthroughVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WalkthroughReport_regionId_resolvedAt_idx" ON "WalkthroughReport"("regionId", "resolvedAt");

-- CreateIndex
CREATE INDEX "WalkthroughReport_walkthroughId_stepId_idx" ON "WalkthroughReport"("walkthroughId", "stepId");

-- CreateIndex
CREATE INDEX "WalkthroughVerification_walkthroughId_verifiedAt_idx" ON "WalkthroughVerification"("walkthroughId", "verifiedAt");

-- AddForeignKey
ALTER TABLE "WalkthroughProgress" ADD CONSTRAINT "WalkthroughProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WalkthroughReport" ADD CONSTRAINT "WalkthroughReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WalkthroughVerification" ADD CONSTRAINT "WalkthroughVerification_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
