import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { requestCurator } from "@/features/mentoring/server/requests";

export const POST = handle(mentoringEndpoints.requestCurator, async ({ user, body }) => ({
  status: 201,
  body: await requestCurator(user, body.curatorId, body.message),
}));
