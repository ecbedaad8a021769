import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { decideRequest } from "@/features/mentoring/server/requests";

export const POST = handle(mentoringEndpoints.decideRequest, async ({ user, params, body }) => ({
  status: 200,
  body: await decideRequest(user, params.id, body.accept),
}));
