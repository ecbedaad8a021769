import { handle } from "@/server/api/handler";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { unsubscribe } from "@/features/notifications/server/digests";

export const POST = handle(mentoringEndpoints.unsubscribe, async ({ body }) => ({ status: 200, body: await unsubscribe(body.token) }));
