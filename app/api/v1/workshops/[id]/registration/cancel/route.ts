import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { cancelRegistration } from "@/features/workshops/server/cancel-registration";

export const POST = handle(e.unregister, async ({ user, params }) => ({ body: await cancelRegistration(user, params.id) }));
