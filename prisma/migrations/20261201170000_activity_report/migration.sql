-- The region's activity report (issue 12, decision 031): roll-ups of LearningActivity kept by
-- statement-level triggers in the same transaction as the events, so the report reads summed rows
-- and is current the moment an event commits, on any number of app servers. Every change is one
-- INSERT … ON CONFLICT DO UPDATE (or UPDATE) that adds to the stored counts: concurrent
-- transactions for the same person and day serialise on the row and never lose an addition.

-- One person's learning on one Kyiv day. Where they worked (their first event of the day) stays
-- with the row, as a submitted assessment keeps its place. No foreign keys: only the triggers write
-- here, and deleting a person's events (erasure cascades from "User") removes their rows.
CREATE TABLE "ActivityDay" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "hromadaId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "lessons" INTEGER NOT NULL,
    "walkthroughs" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL,
    "seconds" INTEGER NOT NULL,

    CONSTRAINT "ActivityDay_pkey" PRIMARY KEY ("userId","day")
);
CREATE INDEX "ActivityDay_regionId_day_idx" ON "ActivityDay"("regionId", "day");

-- Finished lessons and guides and reviewed items per region, Kyiv day and content.
CREATE TABLE "ActivityContentDay" (
    "regionId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ActivityContentDay_pkey" PRIMARY KEY ("regionId","day","kind","contentId")
);

CREATE OR REPLACE FUNCTION skh_activity_rollup() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    -- Content counts leave the region the person's day was counted in (read before that day row changes).
    UPDATE "ActivityContentDay" c SET "count" = c."count" - o.n
    FROM (
      SELECT d."regionId", r."day", r."kind", r."contentId", count(*)::int AS n
      FROM old_rows r JOIN "ActivityDay" d ON d."userId" = r."userId" AND d."day" = r."day"
      GROUP BY 1, 2, 3, 4
    ) o
    WHERE c."regionId" = o."regionId" AND c."day" = o."day" AND c."kind" = o."kind" AND c."contentId" = o."contentId";
    DELETE FROM "ActivityContentDay" c
    USING (
      SELECT DISTINCT d."regionId", r."day", r."kind", r."contentId"
      FROM old_rows r JOIN "ActivityDay" d ON d."userId" = r."userId" AND d."day" = r."day"
    ) o
    WHERE c."regionId" = o."regionId" AND c."day" = o."day" AND c."kind" = o."kind" AND c."contentId" = o."contentId" AND c."count" <= 0;

    UPDATE "ActivityDay" d SET
      "lessons" = d."lessons" - o.lessons,
      "walkthroughs" = d."walkthroughs" - o.walkthroughs,
      "reviews" = d."reviews" - o.reviews,
      "seconds" = d."seconds" - o.seconds
    FROM (
      SELECT r."userId", r."day",
        (count(*) FILTER (WHERE r."kind" = 'lesson'))::int AS lessons,
        (count(*) FILTER (WHERE r."kind" = 'walkthrough'))::int AS walkthroughs,
        (count(*) FILTER (WHERE r."kind" = 'review'))::int AS reviews,
        sum(r."seconds")::int AS seconds
      FROM old_rows r GROUP BY 1, 2
    ) o
    WHERE d."userId" = o."userId" AND d."day" = o."day";
    DELETE FROM "ActivityDay" d
    USING (SELECT DISTINCT r."userId", r."day" FROM old_rows r) o
    WHERE d."userId" = o."userId" AND d."day" = o."day" AND d."lessons" + d."walkthroughs" + d."reviews" <= 0;
  END IF;

  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- Ordered by key, so two transactions touching the same people lock their rows in one order.
    INSERT INTO "ActivityDay" AS d ("userId", "day", "regionId", "hromadaId", "organizationId", "lessons", "walkthroughs", "reviews", "seconds")
    SELECT r."userId", r."day", min(h."regionId"), min(o."hromadaId"), min(u."organizationId"),
      (count(*) FILTER (WHERE r."kind" = 'lesson'))::int,
      (count(*) FILTER (WHERE r."kind" = 'walkthrough'))::int,
      (count(*) FILTER (WHERE r."kind" = 'review'))::int,
      sum(r."seconds")::int
    FROM new_rows r
    JOIN "User" u ON u."id" = r."userId"
    JOIN "Organization" o ON o."id" = u."organizationId"
    JOIN "Hromada" h ON h."id" = o."hromadaId"
    GROUP BY r."userId", r."day"
    ORDER BY r."userId", r."day"
    ON CONFLICT ("userId", "day") DO UPDATE SET
      "lessons" = d."lessons" + EXCLUDED."lessons",
      "walkthroughs" = d."walkthroughs" + EXCLUDED."walkthroughs",
      "reviews" = d."reviews" + EXCLUDED."reviews",
      "seconds" = d."seconds" + EXCLUDED."seconds";

    -- Counted in the region of the person's day row (just written), so a later delete finds it.
    INSERT INTO "ActivityContentDay" AS c ("regionId", "day", "kind", "contentId", "count")
    SELECT d."regionId", r."day", r."kind", r."contentId", count(*)::int
    FROM new_rows r JOIN "ActivityDay" d ON d."userId" = r."userId" AND d."day" = r."day"
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("regionId", "day", "kind", "contentId") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Transition tables need one trigger per event.
CREATE TRIGGER "LearningActivity_rollup_insert" AFTER INSERT ON "LearningActivity"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skh_activity_rollup();
CREATE TRIGGER "LearningActivity_rollup_update" AFTER UPDATE ON "LearningActivity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skh_activity_rollup();
CREATE TRIGGER "LearningActivity_rollup_delete" AFTER DELETE ON "LearningActivity"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION skh_activity_rollup();

-- The events recorded before this migration.
INSERT INTO "ActivityDay" ("userId", "day", "regionId", "hromadaId", "organizationId", "lessons", "walkthroughs", "reviews", "seconds")
SELECT r."userId", r."day", min(h."regionId"), min(o."hromadaId"), min(u."organizationId"),
  (count(*) FILTER (WHERE r."kind" = 'lesson'))::int,
  (count(*) FILTER (WHERE r."kind" = 'walkthrough'))::int,
  (count(*) FILTER (WHERE r."kind" = 'review'))::int,
  sum(r."seconds")::int
FROM "LearningActivity" r
JOIN "User" u ON u."id" = r."userId"
JOIN "Organization" o ON o."id" = u."organizationId"
JOIN "Hromada" h ON h."id" = o."hromadaId"
GROUP BY r."userId", r."day";

INSERT INTO "ActivityContentDay" ("regionId", "day", "kind", "contentId", "count")
SELECT d."regionId", r."day", r."kind", r."contentId", count(*)::int
FROM "LearningActivity" r JOIN "ActivityDay" d ON d."userId" = r."userId" AND d."day" = r."day"
GROUP BY 1, 2, 3, 4;

