import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, regionsWhere, type Actor } from "@/server/authz/policy";
import { findPersonalData } from "@/features/privacy/personal-data";
import type { AppLocale } from "@/server/i18n";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getFreshness, isStale, type Freshness } from "./freshness";
import type { TStepReport } from "../report-schemas";

/**
 * "I'm stuck on this step" / "this screen looks different now". The report goes to the
 * methodologists of the reporter's region; a comment carrying client personal data is refused.
 */
export async function reportStep(actor: Actor, walkthroughId: string, input: TStepReport) {
  authorize(actor, "report:walkthrough");
  const steps = (await loadCatalog(actor)).walkthroughStepIds(walkthroughId);
  if (!steps.length) throw new AppError("not_found", "errors.walkthroughNotFound");
  if (!steps.includes(input.stepId)) throw new AppError("validation_failed", "errors.validation", { stepId: ["errors.unknownStep"] });
  const comment = input.comment?.trim() || null;
  if (comment && findPersonalData(comment).length) throw new AppError("validation_failed", "errors.validation", { comment: ["errors.personalDataInComment"] });
  const row = await getDb().walkthroughReport.create({
    data: { walkthroughId, stepId: input.stepId, kind: input.kind, comment, userId: actor.id, regionId: actor.regionId },
    select: { id: true },
  });
  return { id: row.id };
}

export type QueueGuide = { id: string; title: string; freshness: Freshness; reason: "unverified" | "stale" };
export type QueueStep = {
  walkthroughId: string;
  title: string;
  stepId: string;
  stepTitle: string;
  /** The guide's page opened at this step (`?step=` counts the opening screen first), or the guide when the step is gone. */
  href: string;
  stuck: number;
  looksDifferent: number;
  comments: { text: string; at: string }[];
  lastAt: string;
};

/**
 * A region's queue: guides never verified or verified more than 180 days ago (national content,
 * so in every region's queue, and the guides published for the region), and the open reports of
 * the region's learners, step by step.
 */
export async function getWalkthroughQueue(actor: Actor, regionId: string, locale: AppLocale, now = new Date()) {
  authorize(actor, "read:walkthrough-queue", { regionId });
  const catalog = await loadCatalog({ regionId });
  const guides = catalog.walkthroughs(locale);
  const freshness = await getFreshness(
    guides.map((g) => g.id),
    (id) => guides.find((g) => g.id === id),
  );
  const toCheck = guides.flatMap((g): QueueGuide[] => {
    const f = freshness.get(g.id) ?? null;
    if (!f) return [{ id: g.id, title: g.title, freshness: f, reason: "unverified" as const }];
    return isStale(f, now) ? [{ id: g.id, title: g.title, freshness: f, reason: "stale" as const }] : [];
  });
  const reports = await getDb().walkthroughReport.findMany({
    where: { regionId, resolvedAt: null },
    orderBy: { createdAt: "desc" },
    select: { walkthroughId: true, stepId: true, kind: true, comment: true, createdAt: true },
  });
  const steps = new Map<string, QueueStep>();
  for (const r of reports) {
    const key = `${r.walkthroughId}/${r.stepId}`;
    let step = steps.get(key);
    if (!step) {
      const guide = await catalog.getWalkthrough(r.walkthroughId, locale);
      const index = guide?.steps.findIndex((s) => s.id === r.stepId) ?? -1;
      step = {
        walkthroughId: r.walkthroughId,
        title: guide?.frontmatter.title ?? r.walkthroughId,
        stepId: r.stepId,
        stepTitle: guide?.steps[index]?.title ?? r.stepId,
        href: index >= 0 ? `/walkthroughs/${r.walkthroughId}?step=${index + 2}` : `/walkthroughs/${r.walkthroughId}`,
        stuck: 0,
        looksDifferent: 0,
        comments: [],
        lastAt: r.createdAt.toISOString(),
      };
      steps.set(key, step);
    }
    if (r.kind === "stuck") step.stuck += 1;
    else step.looksDifferent += 1;
    if (r.comment) step.comments.push({ text: r.comment, at: r.createdAt.toISOString() });
  }
  return { toCheck, steps: [...steps.values()].sort((a, b) => b.stuck + b.looksDifferent - (a.stuck + a.looksDifferent)) };
}

/** Closes a step's open reports in a region once a methodologist has dealt with them. */
export async function resolveStepReports(actor: Actor, walkthroughId: string, stepId: string, regionId: string, now = new Date()) {
  authorize(actor, "resolve:walkthrough-report", { regionId });
  const { count } = await getDb().walkthroughReport.updateMany({
    where: { walkthroughId, stepId, regionId, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: actor.id },
  });
  return { resolved: count };
}

/**
 * A methodologist checked the guide against the live platform: it shows as verified by them, and
 * the "looks different" reports of their region for it are closed.
 */
export async function verifyWalkthrough(actor: Actor, walkthroughId: string, note: string | undefined, now = new Date()) {
  authorize(actor, "verify:walkthrough");
  if (!(await loadCatalog(actor)).walkthroughStepIds(walkthroughId).length) throw new AppError("not_found", "errors.walkthroughNotFound");
  const db = getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.walkthroughVerification.create({ data: { walkthroughId, verifiedById: actor.id, verifiedAt: now, note: note?.trim() || null } });
    const closed = await tx.walkthroughReport.updateMany({
      where: { walkthroughId, regionId: actor.regionId, kind: "looks-different", resolvedAt: null },
      data: { resolvedAt: now, resolvedById: actor.id },
    });
    return { id: row.id, verifiedOn: now.toISOString().slice(0, 10), closedReports: closed.count };
  });
}

/** Regions whose queue the actor may open (all for an admin, their own for a methodologist, none otherwise), with names. */
export async function queueRegions(actor: Actor): Promise<{ id: string; nameUk: string; nameEn: string }[]> {
  return getDb().region.findMany({ where: regionsWhere(actor), orderBy: { nameUk: "asc" }, select: { id: true, nameUk: true, nameEn: true } });
}
