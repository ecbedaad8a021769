import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { assignMentees } from "@/features/mentoring/server/mentorships";
import { pairResponse } from "@/features/mentoring/server/pair-response";

export const POST = handle(mentoringEndpoints.pairMentee, async ({ user, body, locale }) =>
  pairResponse(await assignMentees(user, [{ ...body, line: 1 }]), locale),
);
