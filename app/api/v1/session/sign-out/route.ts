import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { signOutThisDevice } from "@/server/auth/session-cookie";

export const POST = handle(accountEndpoints.signOut, async () => {
  await signOutThisDevice();
  return { body: { ok: true } };
});
