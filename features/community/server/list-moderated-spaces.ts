import "server-only";
import { getDb } from "@/server/db/client";
import { can, moderatedSpacesWhere, type Actor } from "@/server/authz/policy";
import { queueWhere, type ActiveSuspensionView } from "./get-moderation-queue";

export type ModeratedSpace = { slug: string; name: string; kind: string; waiting: number };

/**
 * The spaces the actor moderates, each with how many posts wait in its queue; for admins also the
 * suspensions that hold everywhere. Empty for people who moderate nothing.
 */
export async function listModeratedSpaces(actor: Actor, now = new Date()): Promise<{ spaces: ModeratedSpace[]; everywhere: ActiveSuspensionView[] | null }> {
  const db = getDb();
  const spaces = await db.communitySpace.findMany({
    where: moderatedSpacesWhere(actor),
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true },
  });
  const waiting = await Promise.all(spaces.map((s) => db.post.count({ where: queueWhere(s.id) })));
  const isAdmin = can(actor, "suspend:community-member", { userId: "", space: null, targetModerates: false });
  const everywhere = isAdmin
    ? (
        await db.communitySuspension.findMany({
          where: { spaceId: null, liftedAt: null, endsAt: { gt: now } },
          orderBy: { endsAt: "asc" },
          select: { id: true, endsAt: true, reason: true, user: { select: { name: true } } },
        })
      ).map((s) => ({ id: s.id, userName: s.user.name, endsAt: s.endsAt.toISOString(), reason: s.reason }))
    : null;
  return { spaces: spaces.map((s, i) => ({ slug: s.slug, name: s.name, kind: s.kind, waiting: waiting[i] ?? 0 })), everywhere };
}
