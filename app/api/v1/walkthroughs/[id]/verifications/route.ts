import { handle } from "@/server/api/handler";
import { walkthroughEndpoints } from "@/features/walkthroughs/endpoints";
import { verifyWalkthrough } from "@/features/walkthroughs/server/reports";

export const POST = handle(walkthroughEndpoints.verifyWalkthrough, async ({ user, params, body }) => ({
  status: 201,
  body: await verifyWalkthrough(user, params.id, body.note),
}));
