import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { markThreadRead } from "@/features/community/server/mark-thread-read";

export const POST = handle(e.markRead, async ({ user, params, body }) => ({
  body: await markThreadRead(user, params.id, body.upTo ? new Date(body.upTo) : undefined),
}));
