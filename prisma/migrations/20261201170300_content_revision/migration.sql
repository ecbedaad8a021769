-- The content revision (decision 046): one row whose number the database raises in the same
-- transaction as any change to what a catalog is made of, so every app server can keep the
-- catalogs it built and know, with one cheap read, when they went stale.

CREATE TABLE "ContentRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "n" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ContentRevision_one_row" CHECK ("id" = 1)
);

INSERT INTO "ContentRevision" ("id", "n") VALUES (1, 1);

CREATE FUNCTION skh_bump_content_revision() RETURNS trigger AS $$
BEGIN
  UPDATE "ContentRevision" SET "n" = "n" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- An item's draft is saved as its author types: only what a catalog reads raises the number.
CREATE TRIGGER "AuthoredItem_content_revision_update" AFTER UPDATE ON "AuthoredItem"
  FOR EACH ROW
  WHEN (OLD."currentVersion" IS DISTINCT FROM NEW."currentVersion"
     OR OLD."regionId" IS DISTINCT FROM NEW."regionId"
     OR OLD."slug" IS DISTINCT FROM NEW."slug"
     OR OLD."kind" IS DISTINCT FROM NEW."kind"
     OR OLD."noteKind" IS DISTINCT FROM NEW."noteKind")
  EXECUTE FUNCTION skh_bump_content_revision();
CREATE TRIGGER "AuthoredItem_content_revision_insert_delete" AFTER INSERT OR DELETE OR TRUNCATE ON "AuthoredItem"
  FOR EACH STATEMENT EXECUTE FUNCTION skh_bump_content_revision();
CREATE TRIGGER "AuthoredVersion_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AuthoredVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION skh_bump_content_revision();
CREATE TRIGGER "AuthoredItemHromada_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AuthoredItemHromada"
  FOR EACH STATEMENT EXECUTE FUNCTION skh_bump_content_revision();
CREATE TRIGGER "RegionTrack_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RegionTrack"
  FOR EACH STATEMENT EXECUTE FUNCTION skh_bump_content_revision();
CREATE TRIGGER "Region_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION skh_bump_content_revision();
