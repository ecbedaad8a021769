import { handle } from "@/server/api/handler";
import { progressEndpoints } from "@/features/progress/endpoints";
import { recordReview } from "@/features/progress/server/review";

export const POST = handle(progressEndpoints.recordReview, async ({ user, body }) => ({
  status: 201,
  body: await recordReview(user, body),
}));
