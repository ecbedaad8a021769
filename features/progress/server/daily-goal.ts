import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";

export async function setDailyGoal(actor: Actor, minutes: number) {
  authorize(actor, "update:profile:own");
  await getDb().user.update({ where: { id: actor.id }, data: { dailyGoalMinutes: minutes } });
  return { minutes };
}
