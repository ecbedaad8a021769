import { handle } from "@/server/api/handler";
import { walkthroughEndpoints } from "@/features/walkthroughs/endpoints";
import { reportStep } from "@/features/walkthroughs/server/reports";

export const POST = handle(walkthroughEndpoints.reportStep, async ({ user, params, body }) => ({
  status: 201,
  body: await reportStep(user, params.id, body),
}));
