import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { searchCommunity } from "@/features/community/server/search-community";

export const GET = handle(e.search, async ({ user, query }) => ({
  body: await searchCommunity(user, query.q, { spaceSlug: query.space, kind: query.kind, page: query.page }),
}));
