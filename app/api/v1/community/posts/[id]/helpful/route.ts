import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { setHelpful } from "@/features/community/server/set-helpful";

export const PUT = handle(e.setHelpful, async ({ user, params, body }) => ({ body: await setHelpful(user, params.id, body.helpful) }));
