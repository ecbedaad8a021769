import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, authoredItemsWritableWhere, type Actor } from "@/server/authz/policy";
import type { AuthoredKind } from "../schemas";
import { itemTitle } from "./item-title";

export type AuthoringListItem = {
  id: string;
  kind: AuthoredKind;
  slug: string;
  title: string;
  stage: "DRAFT" | "IN_REVIEW";
  currentVersion: number | null;
  scheduledFor: Date | null;
  regionName: { uk: string; en: string } | null;
  submittedByName: string | null;
  /** Under review, submitted by someone else: the actor may decide it. */
  awaitsActor: boolean;
  updatedAt: Date;
};

/** The items of the actor's region (admins: all), newest first; those waiting for the actor's review first. */
export async function listAuthoringItems(actor: Actor, filter: { kind?: AuthoredKind } = {}): Promise<AuthoringListItem[]> {
  authorize(actor, "author:content");
  const rows = await getDb().authoredItem.findMany({
    where: { ...authoredItemsWritableWhere(actor), ...(filter.kind ? { kind: filter.kind } : {}) },
    orderBy: { updatedAt: "desc" },
    take: 500,
    select: {
      id: true,
      kind: true,
      slug: true,
      stage: true,
      draftTitle: true,
      draftText: true,
      title: true,
      currentVersion: true,
      updatedAt: true,
      submittedById: true,
      submittedBy: { select: { name: true } },
      region: { select: { nameUk: true, nameEn: true } },
      versions: { where: { publishedAt: null }, select: { publishAt: true } },
    },
  });
  const items = rows.map((r): AuthoringListItem => ({
    id: r.id,
    kind: r.kind as AuthoredKind,
    slug: r.slug,
    title: itemTitle(r),
    stage: r.stage as "DRAFT" | "IN_REVIEW",
    currentVersion: r.currentVersion,
    scheduledFor: r.versions[0]?.publishAt ?? null,
    regionName: r.region ? { uk: r.region.nameUk, en: r.region.nameEn } : null,
    submittedByName: r.submittedBy?.name ?? null,
    awaitsActor: r.stage === "IN_REVIEW" && r.submittedById !== actor.id,
    updatedAt: r.updatedAt,
  }));
  return [...items.filter((i) => i.awaitsActor), ...items.filter((i) => !i.awaitsActor)];
}
