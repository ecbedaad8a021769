import Link from "next/link";
import type { ComponentProps } from "react";
import { isLowDataRequest } from "@/features/accounts/server/low-data";

/**
 * A link between the app's pages on the learner's screens: Next's <Link> (the page it leads to is
 * prefetched when the link shows), except in low-data mode, where nothing is fetched ahead
 * (decision 035).
 */
export async function PageLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={(await isLowDataRequest()) ? false : undefined} />;
}
