import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { assignmentsWhere, authorize, can, menteesWhere, mentorshipsWhere, type Actor } from "@/server/authz/policy";
import { addDays, kyivDay, mondayOf } from "@/lib/kyiv-calendar";
import { computeStreak } from "@/features/progress/streak";
import type { AssessmentSummary } from "@/features/competences/scoring";
import { getFramework } from "@/features/competences/server/framework";
import { loadCatalog } from "@/features/content/server/load-catalog";
import type { AppLocale } from "@/server/i18n";

export type CaseloadFlag = "inactive" | "overdue" | "stuck" | "dropped";
export const CASELOAD_FLAGS: readonly CaseloadFlag[] = ["inactive", "overdue", "stuck", "dropped"];
/** No learning for this many days raises the "inactive" flag. */
export const INACTIVE_DAYS = 7;

export type CaseloadRow = {
  id: string;
  name: string;
  organization: string;
  lastActive: string | null;
  streak: number;
  week: { lessons: number; walkthroughs: number };
  month: { lessons: number; walkthroughs: number };
  assignments: { done: number; due: number; overdue: number };
  /**
   * The latest self-assessment: `change` is the mean over the areas since the one before (one
   * decimal); `drops` names each area whose level went down, the largest drop first — an area can
   * drop while the mean rises, so the flag says which.
   */
  assessment: { submittedOn: string; change: number | null; drops: AreaDrop[] } | null;
  /** Where the mentee said "I'm stuck" in the last 30 days (unresolved), newest first, one per guide and step. */
  stuckIn: StuckStep[];
  flags: CaseloadFlag[];
};

export type AreaDrop = { areaId: string; title: string; from: number; to: number; delta: number };
export type StuckStep = { walkthroughId: string; title: string; stepId: string; stepTitle: string; stepNumber: number | null };

const areaMean = (s: AssessmentSummary) => {
  const levels = Object.values(s.areas);
  return levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : 0;
};

type TakenAssessment = { summary: unknown; frameworkVersion: number };

/** Areas whose level went down between two assessments, titled from the latest one's framework version; the largest drop first. */
function areaDrops(latest: TakenAssessment, previous: TakenAssessment, locale: AppLocale): AreaDrop[] {
  const before = (previous.summary as AssessmentSummary).areas;
  const titles = new Map(getFramework(latest.frameworkVersion).areas.map((a) => [a.id, a.title[locale]]));
  return Object.entries((latest.summary as AssessmentSummary).areas)
    .flatMap(([areaId, to]): AreaDrop[] => {
      const from = before[areaId];
      return from !== undefined && to < from ? [{ areaId, title: titles.get(areaId) ?? areaId, from, to, delta: to - from }] : [];
    })
    .sort((a, b) => a.delta - b.delta || a.areaId.localeCompare(b.areaId, "en", { numeric: true }));
}

/**
 * Guide and step titles of the mentees' open "I'm stuck" reports. The catalog is read only when
 * there are reports, and each guide once (not once per mentee); reports name only what their
 * author opened, so titles come from all published content.
 */
async function stuckStepTitles(
  reports: { userId: string | null; walkthroughId: string; stepId: string }[],
  locale: AppLocale,
): Promise<(userId: string) => StuckStep[]> {
  if (!reports.length) return () => [];
  const catalog = await loadCatalog("everything");
  const guideIds = [...new Set(reports.map((r) => r.walkthroughId))];
  const guides = new Map(await Promise.all(guideIds.map(async (id) => [id, await catalog.getWalkthrough(id, locale)] as const)));
  return (userId) => {
    const seen = new Set<string>();
    return reports.flatMap((r): StuckStep[] => {
      const key = `${r.walkthroughId}/${r.stepId}`;
      if (r.userId !== userId || seen.has(key)) return [];
      seen.add(key);
      const guide = guides.get(r.walkthroughId);
      const index = guide?.steps.findIndex((s) => s.id === r.stepId) ?? -1;
      return [
        {
          walkthroughId: r.walkthroughId,
          title: guide?.frontmatter.title ?? r.walkthroughId,
          stepId: r.stepId,
          stepTitle: index >= 0 ? guide!.steps[index]!.title : r.stepId,
          stepNumber: index >= 0 ? index + 1 : null,
        },
      ];
    });
  };
}

export type CaseloadCurator = { id: string; name: string };

/**
 * The curator whose caseload the actor may open: their own (curators only), or — for the
 * methodologists of the curator's region and for admins — another curator's, read-only. Anyone
 * else gets the same 404 as for an id that is no curator at all, so the answer reveals nobody.
 */
export async function getCaseloadCurator(actor: Actor, curatorId: string = actor.id): Promise<CaseloadCurator> {
  if (curatorId === actor.id) authorize(actor, "read:caseload");
  const row = await getDb().user.findFirst({
    where: { id: curatorId, roles: { some: { role: "CURATOR" } } },
    select: { id: true, name: true, organization: { select: { hromada: { select: { regionId: true } } } } },
  });
  if (!row || !can(actor, "read:curator-caseload", { curatorId: row.id, regionId: row.organization.hromada.regionId })) {
    throw new AppError("not_found", "errors.userNotFound");
  }
  return { id: row.id, name: row.name };
}

/**
 * One screen for a curator: each current mentee with last activity, streak, lessons and guides
 * this week and month, assignments done / due / overdue, the latest self-assessment and its change,
 * and flags. Seven queries whatever the number of mentees (none per mentee), and when someone is
 * stuck in a guide, the catalog and each such guide once for the titles. Whose caseload it is
 * comes from the curator's id alone: access is decided from the database, not by the caller.
 */
export async function getCaseload(actor: Actor, options: { curatorId?: string; now?: Date; locale?: AppLocale } = {}): Promise<CaseloadRow[]> {
  const { id: curatorId } = await getCaseloadCurator(actor, options.curatorId);
  const now = options.now ?? new Date();
  const locale = options.locale ?? "uk";
  const db = getDb();
  const today = kyivDay(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const weekStart = mondayOf(today);
  const mentees = await db.mentorship.findMany({
    where: { AND: [{ curatorId, endedAt: null }, mentorshipsWhere(actor)] },
    select: { mentee: { select: { id: true, name: true, organization: { select: { name: true } } } } },
    orderBy: { mentee: { name: "asc" } },
  });
  const ids = mentees.map((m) => m.mentee.id);
  if (!ids.length) return [];
  const since = addDays(today, -400);
  const [activeDays, thisMonth, thisWeek, assignments, stuck, assessments] = await Promise.all([
    // Days with any learning (for the streak and last activity), and counts by kind for the month and week.
    db.learningActivity.groupBy({ by: ["userId", "day"], where: { userId: { in: ids }, day: { gte: since } } }),
    db.learningActivity.groupBy({ by: ["userId", "kind"], where: { userId: { in: ids }, day: { gte: monthStart } }, _count: { _all: true } }),
    db.learningActivity.groupBy({ by: ["userId", "kind"], where: { userId: { in: ids }, day: { gte: weekStart } }, _count: { _all: true } }),
    db.assignment.findMany({ where: { curatorId, learnerId: { in: ids } }, select: { learnerId: true, dueOn: true, completedAt: true } }),
    db.walkthroughReport.findMany({
      where: { userId: { in: ids }, kind: "stuck", resolvedAt: null, createdAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
      orderBy: { createdAt: "desc" },
      select: { userId: true, walkthroughId: true, stepId: true },
    }),
    db.assessment.findMany({
      where: { userId: { in: ids }, status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      select: { userId: true, submittedAt: true, summary: true, frameworkVersion: true },
    }),
  ]);
  const stepsOf = await stuckStepTitles(stuck, locale);
  const daysOf = new Map<string, Set<string>>();
  for (const a of activeDays) {
    let set = daysOf.get(a.userId);
    if (!set) daysOf.set(a.userId, (set = new Set()));
    set.add(a.day);
  }
  return mentees.map(({ mentee }) => {
    const days = daysOf.get(mentee.id) ?? new Set<string>();
    const lastActive = [...days].sort().at(-1) ?? null;
    const count = (rows: typeof thisMonth, kind: string) => rows.find((r) => r.userId === mentee.id && r.kind === kind)?._count._all ?? 0;
    const work = assignments.filter((a) => a.learnerId === mentee.id);
    const overdue = work.filter((a) => !a.completedAt && a.dueOn !== null && a.dueOn < today).length;
    const taken = assessments.filter((a) => a.userId === mentee.id && a.summary);
    const [latest, previous] = taken;
    const change =
      latest && previous ? Math.round((areaMean(latest.summary as AssessmentSummary) - areaMean(previous.summary as AssessmentSummary)) * 10) / 10 : null;
    const drops = latest && previous ? areaDrops(latest, previous, locale) : [];
    const stuckIn = stepsOf(mentee.id);
    const flags: CaseloadFlag[] = [];
    if (!lastActive || lastActive < addDays(today, -INACTIVE_DAYS)) flags.push("inactive");
    if (overdue) flags.push("overdue");
    if (stuckIn.length) flags.push("stuck");
    if (drops.length) flags.push("dropped");
    return {
      id: mentee.id,
      name: mentee.name,
      organization: mentee.organization.name,
      lastActive,
      streak: computeStreak(days, today).current,
      week: { lessons: count(thisWeek, "lesson"), walkthroughs: count(thisWeek, "walkthrough") },
      month: { lessons: count(thisMonth, "lesson"), walkthroughs: count(thisMonth, "walkthrough") },
      assignments: { done: work.filter((a) => a.completedAt).length, due: work.filter((a) => !a.completedAt).length - overdue, overdue },
      assessment: latest ? { submittedOn: kyivDay(latest.submittedAt!), change, drops } : null,
      stuckIn,
      flags,
    };
  });
}

export type MenteeWork = {
  id: string;
  name: string;
  /** How the actor sees it: the person themselves, their current curator (who assigns), or the region, read-only. */
  view: "self" | "curator" | "region";
  assignments: { id: string; kind: string; targetId: string; dueOn: string | null; message: string | null; createdAt: string; completedAt: string | null }[];
  activity: { kind: string; contentId: string; day: string; minutes: number }[];
};

/**
 * A person's assignments and recent learning, as their current curator, the region's methodologists
 * (and admins) and they themselves see it. The scope comes from the database: a person the actor
 * may not read answers 404, exactly like an id that does not exist.
 */
export async function getMenteeWork(actor: Actor, learnerId: string): Promise<MenteeWork> {
  const db = getDb();
  const learner = await db.user.findFirst({
    where: { AND: [{ id: learnerId }, menteesWhere(actor)] },
    select: {
      id: true,
      name: true,
      organization: { select: { hromada: { select: { regionId: true } } } },
      curators: { where: { endedAt: null }, select: { curatorId: true } },
    },
  });
  const resource = learner && { learnerId, regionId: learner.organization.hromada.regionId, curatorIds: learner.curators.map((c) => c.curatorId) };
  if (!learner || !resource || !can(actor, "read:mentee", resource)) throw new AppError("not_found", "errors.userNotFound");
  const [assignments, activity] = await Promise.all([
    db.assignment.findMany({ where: { AND: [{ learnerId }, assignmentsWhere(actor)] }, orderBy: { createdAt: "desc" }, take: 100 }),
    db.learningActivity.findMany({
      where: { userId: learnerId },
      orderBy: { at: "desc" },
      take: 30,
      select: { kind: true, contentId: true, day: true, seconds: true },
    }),
  ]);
  return {
    id: learner.id,
    name: learner.name,
    view: actor.id === learnerId ? "self" : can(actor, "assign:work", resource) ? "curator" : "region",
    assignments: assignments.map((a) => ({
      id: a.id,
      kind: a.kind,
      targetId: a.targetId,
      dueOn: a.dueOn,
      message: a.message,
      createdAt: a.createdAt.toISOString(),
      completedAt: a.completedAt?.toISOString() ?? null,
    })),
    activity: activity.map((a) => ({ kind: a.kind, contentId: a.contentId, day: a.day, minutes: Math.max(1, Math.round(a.seconds / 60)) })),
  };
}
