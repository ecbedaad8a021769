import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { decidePost } from "@/features/community/server/decide-post";

export const POST = handle(e.decidePost, async ({ user, params, body }) => ({ body: await decidePost(user, params.id, body) }));
