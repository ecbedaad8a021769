import "server-only";
import { getDb } from "@/server/db/client";
import { can, mentorshipsWhere, type Actor } from "@/server/authz/policy";

export type MenteeRow = { id: string; name: string; organization: string; lastAssessedAt: string | null };

/** A curator's current mentees, for links to their competence profiles. */
export async function listMyMentees(actor: Actor): Promise<MenteeRow[]> {
  if (!can(actor, "read:caseload")) return [];
  const rows = await getDb().mentorship.findMany({
    where: { AND: [{ curatorId: actor.id, endedAt: null }, mentorshipsWhere(actor)] },
    orderBy: { mentee: { name: "asc" } },
    select: {
      mentee: {
        select: {
          id: true,
          name: true,
          organization: { select: { name: true } },
          assessments: { where: { status: "SUBMITTED" }, orderBy: { submittedAt: "desc" }, take: 1, select: { submittedAt: true } },
        },
      },
    },
  });
  return rows.map(({ mentee }) => ({
    id: mentee.id,
    name: mentee.name,
    organization: mentee.organization.name,
    lastAssessedAt: mentee.assessments[0]?.submittedAt?.toISOString() ?? null,
  }));
}
