import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { liftSuspension } from "@/features/community/server/suspend-member";

export const POST = handle(e.liftSuspension, async ({ user, params, body }) => ({ body: await liftSuspension(user, params.id, body) }));
