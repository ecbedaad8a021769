import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { setThreadPinned } from "@/features/community/server/set-thread-pinned";

export const POST = handle(e.setPinned, async ({ user, params, body }) => ({
  body: await setThreadPinned(user, params.id, { pinned: body.action === "pin", reason: body.reason }),
}));
