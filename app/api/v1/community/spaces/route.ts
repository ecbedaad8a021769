import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { listSpaces } from "@/features/community/server/list-spaces";

export const GET = handle(e.listSpaces, async ({ user }) => ({ body: { spaces: await listSpaces(user) } }));
