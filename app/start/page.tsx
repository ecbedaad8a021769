import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/require-user";
import { homePathFor } from "@/features/accounts/home-path";

export const dynamic = "force-dynamic";

/** Where signing in leads when no page was asked for: the person's own start (features/accounts/home-path.ts). */
export default async function StartPage() {
  redirect(homePathFor(await requireUser()));
}
