import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { cancelWorkshop } from "@/features/workshops/server/cancel-workshop";

export const POST = handle(e.cancel, async ({ user, params }) => ({ body: await cancelWorkshop(user, params.id) }));
