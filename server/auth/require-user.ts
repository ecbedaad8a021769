import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { can, type Permission } from "../authz/policy";
import { getSessionState, type SessionUser } from "./current-user";

/**
 * For pages: the signed-in user; a session still owing its second factor goes to that step, anyone
 * else to sign-in, each returning here afterwards.
 */
export async function requireUser(): Promise<SessionUser> {
  const state = await getSessionState();
  if (state?.kind === "signed-in") return state.user;
  const path = (await headers()).get("x-pathname") ?? "/profile";
  redirect(`${state ? "/sign-in/second-factor" : "/sign-in"}?next=${encodeURIComponent(path)}`);
}

/** For pages behind a resource-free permission: 403 page when not allowed. */
export async function requirePermission(
  permission: Extract<Permission, "read:admin-area" | "read:outbox" | "read:directory" | "read:users" | "manage:directory">,
): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
