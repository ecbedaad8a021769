-- Community search and scale (decision 026). The search query (features/community/server/
-- search-community.ts) matches each table on its own, so every condition can use an index:
--   to_tsvector('simple', "body") @@ …   and   to_tsvector('simple', "title") @@ …   → the GIN
--   indexes on exactly those expressions (the query repeats them word for word);
--   "body" %> q   and   "title" %> q   (pg_trgm word similarity) → the trigram GIN indexes.

CREATE INDEX "Post_body_tsv_idx" ON "Post" USING gin (to_tsvector('simple', "body"));
CREATE INDEX "Thread_title_tsv_idx" ON "Thread" USING gin (to_tsvector('simple', "title"));

-- pg_trgm was created by 20261130110000_invariants where the server has it (PostgreSQL's contrib,
-- PGlite's bundled extension); without it these two indexes are skipped like the user-search ones.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX "Post_body_trgm_idx" ON "Post" USING gin ("body" gin_trgm_ops);
    CREATE INDEX "Thread_title_trgm_idx" ON "Thread" USING gin ("title" gin_trgm_ops);
  END IF;
END
$$;
