import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { endSignedInDevice } from "@/features/accounts/server/devices";
import { currentSessionId } from "@/server/auth/current-user";
import { clearSessionCookie } from "@/server/auth/session-cookie";

export const POST = handle(accountEndpoints.endSignedInDevice, async ({ user, params }) => {
  const { wasThisDevice } = await endSignedInDevice(user, params.id, await currentSessionId());
  if (wasThisDevice) await clearSessionCookie();
  return { body: { ok: true } };
});
