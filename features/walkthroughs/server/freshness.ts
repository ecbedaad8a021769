import "server-only";
import { getDb } from "@/server/db/client";
import { kyivDay } from "@/lib/kyiv-calendar";
import type { TWalkthroughFrontmatter } from "../schemas";

/** A guide not verified for this long goes back into the methodologists' queue. */
export const VERIFICATION_MAX_AGE_DAYS = 180;

export type Freshness = { verifiedOn: string; by: string } | null;

/**
 * When a guide was last checked against the live platform and by whom: the latest verification
 * recorded in the app, else the one written in the content, else none.
 */
export async function getFreshness(
  walkthroughIds: string[],
  frontmatter: (id: string) => TWalkthroughFrontmatter | undefined,
): Promise<Map<string, Freshness>> {
  const rows = await getDb().walkthroughVerification.findMany({
    where: { walkthroughId: { in: walkthroughIds } },
    orderBy: { verifiedAt: "desc" },
    select: { walkthroughId: true, verifiedAt: true, verifiedBy: { select: { name: true, position: true } } },
  });
  const out = new Map<string, Freshness>();
  for (const id of walkthroughIds) {
    const latest = rows.find((r) => r.walkthroughId === id);
    const written = frontmatter(id)?.verified;
    if (latest)
      out.set(id, {
        verifiedOn: latest.verifiedAt.toISOString().slice(0, 10),
        by: [latest.verifiedBy.name, latest.verifiedBy.position].filter(Boolean).join(", "),
      });
    else if (written && written !== "none") out.set(id, { verifiedOn: written.on, by: written.by });
    else out.set(id, null);
  }
  return out;
}

/**
 * Verified more than VERIFICATION_MAX_AGE_DAYS calendar days (Kyiv) before `now`. A guide never
 * verified is not "stale": it is unverified, and says so.
 */
export function isStale(freshness: Freshness, now = new Date()): boolean {
  if (!freshness) return false;
  const days = (Date.parse(`${kyivDay(now)}T00:00:00Z`) - Date.parse(`${freshness.verifiedOn}T00:00:00Z`)) / 86_400_000;
  return days > VERIFICATION_MAX_AGE_DAYS;
}
