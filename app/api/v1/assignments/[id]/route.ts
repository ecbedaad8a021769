import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { cancelAssignment } from "@/features/mentoring/server/assign";

export const DELETE = handle(mentoringEndpoints.cancelAssignment, async ({ user, params }) => ({
  status: 200,
  body: await cancelAssignment(user, params.id),
}));
