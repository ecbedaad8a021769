import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";

export type MyAdmissions = {
  /** Pending invitations to the actor: the group's name and owner, who invited them. */
  invitations: { id: string; groupName: string; ownerName: string; invitedByName: string }[];
  /** Slugs of the groups the actor asked to join and is waiting on. */
  requestedSlugs: string[];
};

/** The actor's own pending invitations and join requests (nobody else's). */
export async function listMyAdmissions(actor: Actor): Promise<MyAdmissions> {
  const rows = await getDb().groupAdmission.findMany({
    where: { userId: actor.id, status: "PENDING", space: { kind: "GROUP" } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      invitedBy: { select: { name: true } },
      space: { select: { slug: true, name: true, owner: { select: { name: true } } } },
    },
  });
  return {
    invitations: rows
      .filter((r) => r.kind === "INVITATION")
      .map((r) => ({ id: r.id, groupName: r.space.name, ownerName: r.space.owner?.name ?? "", invitedByName: r.invitedBy?.name ?? "" })),
    requestedSlugs: rows.filter((r) => r.kind === "REQUEST").map((r) => r.space.slug),
  };
}
