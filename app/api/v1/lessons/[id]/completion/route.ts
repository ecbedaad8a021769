import { handle } from "@/server/api/handler";
import { progressEndpoints } from "@/features/progress/endpoints";
import { completeLesson } from "@/features/progress/server/complete-lesson";

export const POST = handle(progressEndpoints.completeLesson, async ({ user, params, body }) => ({
  status: 201,
  body: await completeLesson(user, params.id, body),
}));
