import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { registerForWorkshop } from "@/features/workshops/server/register";

export const POST = handle(e.register, async ({ user, params }) => ({ body: await registerForWorkshop(user, params.id) }));
