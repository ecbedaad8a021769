import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { markNotificationsRead } from "@/features/notifications/server/centre";

export const POST = handle(mentoringEndpoints.readNotifications, async ({ user, body }) => ({
  status: 200,
  body: await markNotificationsRead(user, body.ids?.length ? body.ids : "all"),
}));
