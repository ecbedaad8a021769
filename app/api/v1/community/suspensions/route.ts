import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { suspendMember } from "@/features/community/server/suspend-member";

export const POST = handle(e.suspend, async ({ user, body }) => ({ status: 201, body: await suspendMember(user, body) }));
