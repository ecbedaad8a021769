import { handle } from "@/server/api/handler";
import { progressEndpoints } from "@/features/progress/endpoints";
import { setDailyGoal } from "@/features/progress/server/daily-goal";

export const PUT = handle(progressEndpoints.setDailyGoal, async ({ user, body }) => ({
  status: 200,
  body: await setDailyGoal(user, body.minutes),
}));
