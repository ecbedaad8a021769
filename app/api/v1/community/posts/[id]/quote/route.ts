import { handle } from "@/server/api/handler";
import { communityDraftEndpoints as e } from "@/features/community/endpoints";
import { getQuote } from "@/features/community/server/get-quote";

export const GET = handle(e.getQuote, async ({ user, params }) => ({ body: await getQuote(user, params.id) }));
