import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { can, type Permission } from "../authz/policy";
import { getCurrentUser, type SessionUser } from "./current-user";

/** For pages: the signed-in user, or a redirect to sign-in that returns here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-pathname") ?? "/profile";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For pages behind a resource-free permission: 403 page when not allowed. */
export async function requirePermission(
  permission: Extract<Permission, "read:admin-area" | "read:outbox" | "read:directory" | "read:users" | "manage:directory">,
): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
