import { handle } from "@/server/api/handler";
import { communityGroupEndpoints as e } from "@/features/community/endpoints";
import { removeGroupMember } from "@/features/community/server/remove-group-member";

export const DELETE = handle(e.removeMember, async ({ user, params }) => ({ body: await removeGroupMember(user, params.slug, params.userId) }));
