import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { postFeedback } from "@/features/mentoring/server/feedback";

export const POST = handle(mentoringEndpoints.postFeedback, async ({ user, body }) => ({
  status: 201,
  body: await postFeedback(user, body.curatorId, body.menteeId, body.body),
}));
