import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { setThreadLocked } from "@/features/community/server/set-thread-locked";

export const PUT = handle(e.setLocked, async ({ user, params, body }) => ({ body: await setThreadLocked(user, params.id, body.locked, body.reason) }));
