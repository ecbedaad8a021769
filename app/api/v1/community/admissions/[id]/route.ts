import { handle } from "@/server/api/handler";
import { communityGroupEndpoints as e } from "@/features/community/endpoints";
import { decideGroupAdmission } from "@/features/community/server/decide-group-admission";

export const PUT = handle(e.decideAdmission, async ({ user, params, body }) => ({ body: await decideGroupAdmission(user, params.id, body.decision) }));
