import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { acceptAnswer } from "@/features/community/server/accept-answer";

export const POST = handle(e.acceptAnswer, async ({ user, params }) => ({ body: await acceptAnswer(user, params.id) }));
