import { handle } from "@/server/api/handler";
import { accountEndpoints as e } from "@/features/accounts/endpoints";
import { setLowDataMode } from "@/features/accounts/server/low-data";

export const POST = handle(e.setLowData, async ({ user, body }) => ({ body: await setLowDataMode(user, body.mode) }));
