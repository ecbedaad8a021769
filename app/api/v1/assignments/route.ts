import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { createAssignment } from "@/features/mentoring/server/assign";

export const POST = handle(mentoringEndpoints.createAssignment, async ({ user, body }) => ({
  status: 201,
  body: await createAssignment(user, body),
}));
