import { handle } from "@/server/api/handler";
import { walkthroughEndpoints } from "@/features/walkthroughs/endpoints";
import { saveWalkthroughPosition } from "@/features/walkthroughs/server/progress";

export const PUT = handle(walkthroughEndpoints.saveWalkthroughPosition, async ({ user, params, body }) => ({
  status: 200,
  body: await saveWalkthroughPosition(user, params.id, body.step),
}));
