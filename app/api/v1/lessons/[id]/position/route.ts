import { handle } from "@/server/api/handler";
import { progressEndpoints } from "@/features/progress/endpoints";
import { saveLessonPosition } from "@/features/progress/server/lesson-position";

export const PUT = handle(progressEndpoints.saveLessonPosition, async ({ user, params, body }) => ({
  status: 200,
  body: await saveLessonPosition(user, params.id, body.step),
}));
