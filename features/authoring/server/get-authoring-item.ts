import "server-only";
import { getDb } from "@/server/db/client";
import { can, type Actor } from "@/server/authz/policy";
import type { AuthoredKind } from "../schemas";
import type { MdxProblem } from "../safe-mdx";
import { checkDraftText } from "./check-draft";
import { itemTitle } from "./item-title";
import { itemResource, loadItemForWriting } from "./load-item";

export type AuthoringItemView = {
  id: string;
  kind: AuthoredKind;
  slug: string;
  title: string;
  region: { id: string; nameUk: string; nameEn: string } | null;
  hromadaIds: string[];
  noteKind: string | null;
  stage: "DRAFT" | "IN_REVIEW";
  draft: { text: string; title: string; summary: string; revision: number };
  submittedBy: { id: string; name: string } | null;
  submittedAt: Date | null;
  createdBy: { id: string; name: string };
  currentVersion: number | null;
  scheduled: { number: number; publishAt: Date } | null;
  versions: {
    number: number;
    title: string;
    publishedAt: Date | null;
    publishAt: Date;
    submittedBy: string;
    approvedBy: string;
    restoredFrom: number | null;
  }[];
  reviews: { revision: number; decision: "RETURNED" | "APPROVED"; comment: string; reviewer: string; createdAt: Date }[];
  problems: MdxProblem[];
  files: { id: string; name: string; kind: string; contentType: string; size: number }[];
  /** The actor may approve or return the draft under review (a second methodologist of the region). */
  canReview: boolean;
};

/** Everything the editor and review pages show of an item the actor may write (404 otherwise). */
export async function getAuthoringItem(actor: Actor, id: string): Promise<AuthoringItemView> {
  const db = getDb();
  const item = await loadItemForWriting(db, actor, id);
  const [region, people, versions, reviews, files, check] = await Promise.all([
    item.regionId ? db.region.findUnique({ where: { id: item.regionId }, select: { id: true, nameUk: true, nameEn: true } }) : null,
    db.user.findMany({
      where: { id: { in: [item.createdById, item.submittedById].filter((x): x is string => Boolean(x)) } },
      select: { id: true, name: true },
    }),
    db.authoredVersion.findMany({
      where: { itemId: item.id },
      orderBy: { number: "desc" },
      select: {
        number: true,
        title: true,
        publishedAt: true,
        publishAt: true,
        restoredFrom: true,
        submittedBy: { select: { name: true } },
        approvedBy: { select: { name: true } },
      },
    }),
    db.authoredReview.findMany({
      where: { itemId: item.id },
      orderBy: { createdAt: "desc" },
      select: { revision: true, decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } },
    }),
    db.storedFile.findMany({
      where: { itemType: "authored-item", itemId: item.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, kind: true, contentType: true, size: true },
    }),
    checkDraftText(actor, { id: item.id, kind: item.kind as AuthoredKind }, item.draftText),
  ]);
  const person = (personId: string | null) => people.find((p) => p.id === personId) ?? null;
  const scheduled = versions.find((v) => v.publishedAt === null);
  return {
    id: item.id,
    kind: item.kind as AuthoredKind,
    slug: item.slug,
    title: itemTitle(item),
    region,
    hromadaIds: item.hromadas.map((h) => h.hromadaId),
    noteKind: item.noteKind,
    stage: item.stage as "DRAFT" | "IN_REVIEW",
    draft: { text: item.draftText, title: item.draftTitle, summary: item.draftSummary, revision: item.draftRevision },
    submittedBy: person(item.submittedById),
    submittedAt: item.submittedAt,
    createdBy: person(item.createdById) ?? { id: item.createdById, name: "" },
    currentVersion: item.currentVersion,
    scheduled: scheduled ? { number: scheduled.number, publishAt: scheduled.publishAt } : null,
    versions: versions.map((v) => ({
      number: v.number,
      title: v.title,
      publishedAt: v.publishedAt,
      publishAt: v.publishAt,
      submittedBy: v.submittedBy.name,
      approvedBy: v.approvedBy.name,
      restoredFrom: v.restoredFrom,
    })),
    reviews: reviews.map((r) => ({
      revision: r.revision,
      decision: r.decision as "RETURNED" | "APPROVED",
      comment: r.comment,
      reviewer: r.reviewer.name,
      createdAt: r.createdAt,
    })),
    problems: check.problems,
    files,
    canReview: can(actor, "review:authored-item", itemResource(item)),
  };
}
