import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { endMentorship } from "@/features/mentoring/server/mentorships";

export const POST = handle(mentoringEndpoints.endMentorship, async ({ user, params }) => ({
  status: 200,
  body: await endMentorship(user, params.id),
}));
