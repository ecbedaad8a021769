import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { setWorkshopMaterials } from "@/features/workshops/server/record-attendance";

export const POST = handle(e.materials, async ({ user, params, body }) => ({ body: await setWorkshopMaterials(user, params.id, body) }));
