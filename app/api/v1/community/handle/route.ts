import { handle } from "@/server/api/handler";
import { communityDraftEndpoints as e } from "@/features/community/endpoints";
import { getMyHandle, updateHandle } from "@/features/community/server/update-handle";

export const GET = handle(e.getHandle, async ({ user }) => ({ body: await getMyHandle(user) }));

export const PUT = handle(e.setHandle, async ({ user, body }) => ({ body: await updateHandle(user, body.handle) }));
