-- Safe MDX, compiled once (issue 12, decision 028).
--
-- CompiledContent: an authored lesson, walkthrough or methodology note that passed the safe MDX
-- check (features/authoring/safe-mdx.ts), compiled once per published version. The primary key
-- is the compiler's revision, the kind, the version and the text's sha256; two servers compiling
-- the same version at once insert with ON CONFLICT DO NOTHING and both read the one row.
CREATE TABLE "CompiledContent" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "versionKey" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "compiledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompiledContent_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "CompiledContent_kind_check" CHECK ("kind" IN ('lesson', 'walkthrough', 'note')),
    CONSTRAINT "CompiledContent_hash_check" CHECK ("contentHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "CompiledContent_key_check" CHECK (right("key", 65) = '/' || "contentHash")
);

CREATE INDEX "CompiledContent_versionKey_idx" ON "CompiledContent"("versionKey");
