import { handle } from "@/server/api/handler";
import { walkthroughEndpoints } from "@/features/walkthroughs/endpoints";
import { resolveStepReports } from "@/features/walkthroughs/server/reports";

export const POST = handle(walkthroughEndpoints.resolveStepReports, async ({ user, params, body }) => ({
  status: 200,
  body: await resolveStepReports(user, params.id, body.stepId, body.regionId ?? user.regionId),
}));
