import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { updateWorkshop } from "@/features/workshops/server/update-workshop";

export const POST = handle(e.update, async ({ user, params, body }) => ({ body: await updateWorkshop(user, params.id, body) }));
