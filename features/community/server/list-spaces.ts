import "server-only";
import { getDb } from "@/server/db/client";
import { communitySpacesWhere, communityThreadsWhere, type Actor } from "@/server/authz/policy";
import type { SpaceKind } from "../types";

export type SpaceSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: SpaceKind;
  /** Whether the actor reads its posts; a private group they are not in shows only that it exists and its owner. */
  readable: boolean;
  /** Threads the actor may read (null where they read none). */
  threadCount: number | null;
  isOwnRegion: boolean;
  ownerName: string | null;
};

/**
 * The spaces the actor can see: those whose posts they read (national, their region's — every
 * region's for admins — and their groups) and, by name and owner only, the other private groups.
 * Thread counts go through `communityThreadsWhere`, so a group's activity never shows to outsiders.
 */
export async function listSpaces(actor: Actor): Promise<SpaceSummary[]> {
  const db = getDb();
  const readableWhere = communitySpacesWhere(actor);
  const [readable, groups, counts] = await Promise.all([
    db.communitySpace.findMany({ where: readableWhere, select: { id: true }, orderBy: { name: "asc" } }),
    db.communitySpace.findMany({
      where: { OR: [readableWhere, { kind: "GROUP" }] },
      select: { id: true, slug: true, name: true, description: true, kind: true, regionId: true, owner: { select: { name: true } } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    db.thread.groupBy({ by: ["spaceId"], where: communityThreadsWhere(actor), _count: { _all: true } }),
  ]);
  const readableIds = new Set(readable.map((s) => s.id));
  const countBySpace = new Map(counts.map((c) => [c.spaceId, c._count._all]));
  return groups.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    kind: s.kind as SpaceKind,
    readable: readableIds.has(s.id),
    threadCount: readableIds.has(s.id) ? (countBySpace.get(s.id) ?? 0) : null,
    isOwnRegion: s.kind === "REGION" && s.regionId === actor.regionId,
    ownerName: s.owner?.name ?? null,
  }));
}
