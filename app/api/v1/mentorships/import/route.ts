import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { importPairs } from "@/features/mentoring/server/mentorships";
import { pairResponse } from "@/features/mentoring/server/pair-response";

export const POST = handle(mentoringEndpoints.importPairs, async ({ user, body, locale }) => pairResponse(await importPairs(user, body.csv), locale));
