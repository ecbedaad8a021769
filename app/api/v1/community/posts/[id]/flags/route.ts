import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { flagPost } from "@/features/community/server/flag-post";

export const POST = handle(e.flagPost, async ({ user, params, body }) => ({ status: 201, body: await flagPost(user, params.id, body) }));
