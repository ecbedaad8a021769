import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { recordAudit } from "@/server/audit/record-audit";
import { assertNoClientData } from "./assert-no-client-data";

/**
 * A curator or methodologist starts a private group and becomes its owner (and first member). The
 * group belongs to the owner's region, whose methodologists will moderate it. Its name shows to
 * everyone signed in, so the client-data guard refuses one that looks like a client's data.
 */
export async function createGroup(actor: Actor, input: { name: string; description?: string }) {
  authorize(actor, "create:community-group");
  assertNoClientData({ name: input.name, description: input.description }, "errors.groupClientData");
  const slug = `g-${randomBytes(6).toString("hex")}`;
  await getDb().$transaction(async (tx) => {
    const group = await tx.communitySpace.create({
      data: {
        kind: "GROUP",
        slug,
        name: input.name,
        description: input.description ?? "",
        regionId: actor.regionId,
        ownerId: actor.id,
        members: { create: [{ userId: actor.id, role: "OWNER" }] },
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "community.group-created", targetType: "CommunitySpace", targetId: group.id, regionId: actor.regionId });
  });
  return { slug };
}
