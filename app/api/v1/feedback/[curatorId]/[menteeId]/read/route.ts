import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { markFeedbackRead } from "@/features/mentoring/server/feedback";

export const POST = handle(mentoringEndpoints.readFeedback, async ({ user, params, body }) => ({
  status: 200,
  body: await markFeedbackRead(user, params.curatorId, params.menteeId, body.upTo),
}));
