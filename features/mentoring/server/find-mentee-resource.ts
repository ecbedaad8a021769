import "server-only";
import { getDb } from "@/server/db/client";
import type { MenteeResource } from "@/server/authz/policy";

/**
 * What the policy needs to know about a person a curator's work is about — their region and
 * their current curators — read from the database, so no caller can claim a mentorship it lacks.
 */
export async function findMenteeResource(learnerId: string): Promise<MenteeResource | null> {
  const row = await getDb().user.findUnique({
    where: { id: learnerId },
    select: { organization: { select: { hromada: { select: { regionId: true } } } }, curators: { where: { endedAt: null }, select: { curatorId: true } } },
  });
  return row ? { learnerId, regionId: row.organization.hromada.regionId, curatorIds: row.curators.map((c) => c.curatorId) } : null;
}
