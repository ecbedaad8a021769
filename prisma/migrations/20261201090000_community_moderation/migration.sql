-- Community moderation (decision 023): flags, hiding and restoring posts, pinned threads, the
-- moderation log and suspensions. The "one"/"at most" rules and the allowed words live here.

-- Pinned threads: a space has three pin slots, each held by at most one thread.
ALTER TABLE "Thread" ADD COLUMN "pinSlot" INTEGER;
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_pinSlot_check" CHECK ("pinSlot" IS NULL OR "pinSlot" BETWEEN 1 AND 3);
CREATE UNIQUE INDEX "Thread_spaceId_pinSlot_key" ON "Thread"("spaceId", "pinSlot");

-- Hidden posts and the version every moderation change bumps (compare-and-set decisions).
ALTER TABLE "Post" ADD COLUMN "hiddenAt" TIMESTAMP(3),
    ADD COLUMN "hiddenReason" TEXT,
    ADD COLUMN "moderationVersion" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "reviewedAt" TIMESTAMP(3);
-- A reason only on a hidden post (an automatic hide has none until a moderator decides).
ALTER TABLE "Post" ADD CONSTRAINT "Post_hidden_reason_check" CHECK ("hiddenReason" IS NULL OR "hiddenAt" IS NOT NULL);
ALTER TABLE "Post" ADD CONSTRAINT "Post_moderationVersion_check" CHECK ("moderationVersion" >= 0);
-- The moderation queue looks for confirmed, not yet reviewed posts and for hidden ones.
CREATE INDEX "Post_review_pending_idx" ON "Post"("threadId") WHERE "confirmedNoClientData" AND "reviewedAt" IS NULL AND "deletedAt" IS NULL;
CREATE INDEX "Post_hidden_idx" ON "Post"("threadId") WHERE "hiddenAt" IS NOT NULL;
-- The new-account limit counts a person's posts of the last hour.
CREATE INDEX "Post_authorId_createdAt_idx" ON "Post"("authorId", "createdAt");

-- CreateTable
CREATE TABLE "PostFlag" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "PostFlag_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PostFlag_reason_check" CHECK ("reason" IN ('CLIENT_DATA', 'OFFENSIVE', 'SPAM', 'OFF_TOPIC', 'OTHER')),
    CONSTRAINT "PostFlag_note_check" CHECK ("note" IS NULL OR char_length("note") <= 500)
);
-- One flag per person per post.
CREATE UNIQUE INDEX "PostFlag_postId_userId_key" ON "PostFlag"("postId", "userId");
CREATE INDEX "PostFlag_postId_resolvedAt_idx" ON "PostFlag"("postId", "resolvedAt");
ALTER TABLE "PostFlag" ADD CONSTRAINT "PostFlag_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PostFlag" ADD CONSTRAINT "PostFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" TEXT NOT NULL,
    "spaceId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "threadId" TEXT,
    "postId" TEXT,
    "targetUserId" TEXT,
    "toSpaceId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ModerationAction_action_check" CHECK ("action" IN ('HIDE', 'AUTO_HIDE', 'RESTORE', 'DISMISS', 'MOVE', 'PIN', 'UNPIN', 'LOCK', 'UNLOCK', 'SUSPEND', 'LIFT')),
    -- Only the automatic hide acts for nobody.
    CONSTRAINT "ModerationAction_actor_check" CHECK (("action" = 'AUTO_HIDE') = ("actorId" IS NULL)),
    CONSTRAINT "ModerationAction_move_check" CHECK (("action" = 'MOVE') = ("toSpaceId" IS NOT NULL)),
    -- Only a suspension everywhere (and its lifting) belongs to no space.
    CONSTRAINT "ModerationAction_space_check" CHECK ("spaceId" IS NOT NULL OR "action" IN ('SUSPEND', 'LIFT'))
);
CREATE INDEX "ModerationAction_spaceId_createdAt_idx" ON "ModerationAction"("spaceId", "createdAt");
CREATE INDEX "ModerationAction_toSpaceId_createdAt_idx" ON "ModerationAction"("toSpaceId", "createdAt");
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "CommunitySpace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_targetUserId_fkey" FOREIGN KEY ("targetUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_toSpaceId_fkey" FOREIGN KEY ("toSpaceId") REFERENCES "CommunitySpace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "CommunitySuspension" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "spaceId" TEXT,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "CommunitySuspension_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CommunitySuspension_period_check" CHECK ("endsAt" > "createdAt"),
    CONSTRAINT "CommunitySuspension_self_check" CHECK ("userId" <> "createdById")
);
CREATE INDEX "CommunitySuspension_userId_endsAt_idx" ON "CommunitySuspension"("userId", "endsAt");
CREATE INDEX "CommunitySuspension_spaceId_endsAt_idx" ON "CommunitySuspension"("spaceId", "endsAt");
ALTER TABLE "CommunitySuspension" ADD CONSTRAINT "CommunitySuspension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommunitySuspension" ADD CONSTRAINT "CommunitySuspension_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "CommunitySpace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommunitySuspension" ADD CONSTRAINT "CommunitySuspension_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
