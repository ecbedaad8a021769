import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/require-user";
import { homePathFor } from "@/features/accounts/home-path";

export const dynamic = "force-dynamic";

/**
 * Where signing in leads when no page was asked for: the person's own start
 * (features/accounts/home-path.ts) — or, for an admin or a methodologist who has no second factor
 * yet, the page that adds one (their role waits for it, decision 052).
 */
export default async function StartPage() {
  const user = await requireUser();
  redirect(user.withheldRoles?.length ? "/profile/security?enrol=1" : homePathFor(user));
}
