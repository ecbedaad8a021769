import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { setThreadFollow } from "@/features/community/server/set-thread-follow";

export const PUT = handle(e.setFollow, async ({ user, params, body }) => ({ body: await setThreadFollow(user, params.id, body.state) }));
