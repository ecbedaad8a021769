-- Authoring files (issue 12, decision 029): the ledger of uploaded files. The bytes live in the
-- file storage (local disk for one server, S3 for several); a row is written before the bytes,
-- so every stored object has a row, and a row whose bytes never arrived is purged with the
-- orphans (server/storage/orphans.ts).

CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "itemType" TEXT,
    "itemId" TEXT,
    "attachedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id"),
    -- The same rule as server/storage/keys.ts: no ".", no leading "/", so never a path outside the folder.
    CONSTRAINT "StoredFile_key_check" CHECK ("key" ~ '^[a-z0-9]+([/_-][a-z0-9]+)*$' AND char_length("key") <= 200),
    CONSTRAINT "StoredFile_type_check" CHECK (
      ("kind" = 'IMAGE' AND "contentType" IN ('image/png', 'image/jpeg', 'image/svg+xml') AND "size" BETWEEN 1 AND 2097152)
      OR ("kind" = 'PDF' AND "contentType" = 'application/pdf' AND "size" BETWEEN 1 AND 10485760)
    ),
    CONSTRAINT "StoredFile_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "StoredFile_name_check" CHECK (char_length("name") BETWEEN 1 AND 120),
    CONSTRAINT "StoredFile_attachment_check" CHECK (
      ("itemType" IS NULL AND "itemId" IS NULL AND "attachedAt" IS NULL)
      OR ("itemType" ~ '^[a-z][a-z-]{1,39}$' AND "itemId" IS NOT NULL AND "attachedAt" IS NOT NULL)
    )
);

CREATE UNIQUE INDEX "StoredFile_key_key" ON "StoredFile"("key");
-- The upload quota reads a person's uploads of the last 24 hours.
CREATE INDEX "StoredFile_ownerId_createdAt_idx" ON "StoredFile"("ownerId", "createdAt");
CREATE INDEX "StoredFile_itemType_itemId_idx" ON "StoredFile"("itemType", "itemId");
-- The daily purge reads the oldest files never attached.
CREATE INDEX "StoredFile_orphan_createdAt_idx" ON "StoredFile"("createdAt") WHERE "itemType" IS NULL;

-- An uploader's account is anonymised, not deleted, while their files serve others (decision 016).
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
