import { handle } from "@/server/api/handler";
import { communityGroupEndpoints as e } from "@/features/community/endpoints";
import { inviteToGroup } from "@/features/community/server/invite-to-group";

export const POST = handle(e.inviteToGroup, async ({ user, params, body }) => ({ status: 201, body: await inviteToGroup(user, params.slug, body.userId) }));
