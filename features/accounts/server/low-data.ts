import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { getCurrentUser } from "@/server/auth/current-user";
import { isLowData, type LowDataMode } from "../low-data";

export async function setLowDataMode(actor: Actor, mode: LowDataMode): Promise<{ mode: LowDataMode }> {
  authorize(actor, "update:profile:own");
  await getDb().user.update({ where: { id: actor.id }, data: { lowData: mode } });
  return { mode };
}

export async function getLowDataMode(actor: Actor): Promise<LowDataMode> {
  authorize(actor, "read:profile:own");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { lowData: true } });
  return user.lowData as LowDataMode;
}

/**
 * Whether this request's page is served light: images and screens load on tap, links prefetch
 * nothing. Read once per request (pages and the components inside them ask it freely).
 */
export const isLowDataRequest = cache(async (): Promise<boolean> => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  // The session's own read of the person carries the setting: no query here.
  return isLowData(user?.lowData, requestHeaders.get("save-data"));
});
