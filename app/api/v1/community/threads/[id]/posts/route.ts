import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { replyToThread } from "@/features/community/server/reply-to-thread";

export const POST = handle(e.reply, async ({ user, params, body }) => ({ status: 201, body: await replyToThread(user, params.id, body) }));
