import { handle } from "@/server/api/handler";
import { walkthroughEndpoints } from "@/features/walkthroughs/endpoints";
import { completeWalkthrough } from "@/features/walkthroughs/server/progress";

export const POST = handle(walkthroughEndpoints.completeWalkthrough, async ({ user, params, body }) => ({
  status: 201,
  body: await completeWalkthrough(user, params.id, body),
}));
