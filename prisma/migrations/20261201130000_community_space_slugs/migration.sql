-- A space's address is part of a URL under /community/: lower-case Latin letters, digits and
-- hyphens, and never one of the pages that live there (features/community/server/create-space.ts).
ALTER TABLE "CommunitySpace" ADD CONSTRAINT "CommunitySpace_slug_check" CHECK (
  "slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'
  AND "slug" NOT IN ('moderation', 'new-group', 'new-space', 'search', 't')
);
