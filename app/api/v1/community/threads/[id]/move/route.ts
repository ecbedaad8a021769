import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { moveThread } from "@/features/community/server/move-thread";

export const POST = handle(e.moveThread, async ({ user, params, body }) => ({ body: await moveThread(user, params.id, body) }));
