import { handle } from "@/server/api/handler";
import { communityGroupEndpoints as e } from "@/features/community/endpoints";
import { requestToJoinGroup } from "@/features/community/server/request-to-join-group";

export const POST = handle(e.requestToJoin, async ({ user, params }) => ({ status: 201, body: await requestToJoinGroup(user, params.slug) }));
