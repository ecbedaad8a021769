import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { setDigest } from "@/features/notifications/server/digests";

export const PUT = handle(mentoringEndpoints.setDigest, async ({ user, body }) => ({ status: 200, body: await setDigest(user, body.digest) }));
