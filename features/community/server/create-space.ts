import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { isUniqueViolation } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { kebabFromName } from "../handles";
import { assertNoClientData } from "./assert-no-client-data";

/** Addresses under /community/ that are pages, not spaces (the database refuses them as slugs too). */
export const RESERVED_SPACE_SLUGS = ["moderation", "new-group", "new-space", "search", "t"] as const;

/** A readable address from a Ukrainian or English name: "Держпослуги онлайн" → "derzhposluhy-onlain". */
export function spaceSlugFrom(name: string): string {
  const slug = kebabFromName(name, 48);
  return slug.length < 3 || (RESERVED_SPACE_SLUGS as readonly string[]).includes(slug) ? `space-${slug || "new"}` : slug;
}

/**
 * An admin opens a national topic space, which every signed-in person reads. Its address comes
 * from the name; when another space has it, a short random tail is added (the unique index decides,
 * so two admins creating "Дія" at once get two addresses, not an error). Names and descriptions are
 * shown to everyone, so the client-data guard refuses any that look like a client's data.
 */
export async function createNationalSpace(actor: Actor, input: { name: string; description?: string }): Promise<{ slug: string }> {
  authorize(actor, "create:community-space");
  assertNoClientData({ name: input.name, description: input.description }, "errors.spaceClientData");
  const base = spaceSlugFrom(input.name);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    try {
      await getDb().$transaction(async (tx) => {
        const space = await tx.communitySpace.create({
          data: { kind: "NATIONAL", slug, name: input.name, description: input.description ?? "" },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "community.space-created",
          targetType: "CommunitySpace",
          targetId: space.id,
          detail: { kind: "NATIONAL" },
        });
      });
      return { slug };
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error, "CommunitySpace_slug_key")) continue;
      throw error;
    }
  }
}
