import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { can, assessmentsWhere, menteesWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import type { TFramework } from "../framework-schema";
import { areaChanges, areaLevels, competenceLevels, findGaps, nextAssessmentDue, profileForRoles, type AssessmentAnswers, type Change } from "../scoring";
import { teachingMap } from "../teaching-map";
import { planGaps, type FocusGap, type GapWithTeaching } from "../gap-plan";
import { getFramework } from "./framework";
import { findCatalogAudience, loadCatalog } from "@/features/content/server/load-catalog";

/** A content catalog, or none where content has not been compiled (e.g. a bare data script). */
function orNone<T>(list: () => T[]): T[] {
  try {
    return list();
  } catch {
    return [];
  }
}

export type AreaLevelDto = { areaId: string; title: string; level: number; target: number };
export type CompetenceDto = {
  id: string;
  areaId: string;
  title: string;
  level: number;
  estimated: boolean;
  target: number;
  note: string | null;
  /** `byViewer`: the review is the reader's own (a curator sees which ratings still wait for theirs). */
  reviews: { curatorName: string; confirmed: boolean; comment: string | null; createdAt: string; byViewer: boolean }[];
};
/** A rating of the latest assessment as it was given: an area (short form) or a competence (full form). */
export type RatedItemDto = {
  itemType: "AREA" | "COMPETENCE";
  itemId: string;
  title: string;
  level: number;
  target: number;
  note: string | null;
};
export type AssessmentSummary = {
  id: string;
  submittedAt: string;
  form: "SHORT" | "FULL";
  frameworkVersion: number;
  areas: Record<string, number>;
};
export type MyCompetences = {
  ownerName: string;
  profile: { id: string; title: string };
  areas: { id: string; title: string }[];
  latest: (AssessmentSummary & { areaLevels: AreaLevelDto[]; competences: CompetenceDto[] }) | null;
  history: AssessmentSummary[];
  changes: (Change & { title: string })[];
  /** Every competence below the role's target, the widest gap first, with all that teaches it. */
  gaps: GapWithTeaching[];
  /** The widest gaps with what to take next: unfinished, each item once (gap-plan.ts). */
  focus: FocusGap[];
  /**
   * For the owner's current curator: the ratings of the latest assessment they have neither
   * confirmed nor commented on yet, in the framework's order. Empty for anyone else.
   */
  toReview: RatedItemDto[];
  nextDue: string | null;
  isDue: boolean;
  everyDays: number;
  draft: { form: "SHORT" | "FULL"; updatedAt: string } | null;
};

type Loaded = {
  id: string;
  submittedAt: Date | null;
  form: "SHORT" | "FULL";
  frameworkVersion: number;
  ratings: { itemType: "AREA" | "COMPETENCE"; itemId: string; level: number; note: string | null }[];
};

function answersOf(a: Loaded): AssessmentAnswers {
  return { form: a.form, ratings: a.ratings };
}

function areaTarget(fw: TFramework, profileId: string, areaId: string): number {
  const profile = fw.profiles.find((p) => p.id === profileId) ?? fw.profiles[0]!;
  const targets = fw.competences
    .filter((c) => c.area === areaId)
    .map((c) => profile.targets[c.id] ?? 0)
    .sort((x, y) => x - y);
  return targets[Math.floor((targets.length - 1) / 2)] ?? 0;
}

/**
 * Everything the "My competences" page shows for one person: the owner, or their current curator
 * (read from the database). Anyone else gets the same 404 as for no such person. Each past
 * assessment is read with the framework version it used, so a new version never changes what an
 * old answer meant.
 */
export async function getCompetenceOverview(actor: Actor, ownerId: string, locale: AppLocale): Promise<MyCompetences> {
  const db = getDb();
  const owner = await db.user.findUnique({
    where: { id: ownerId },
    select: {
      name: true,
      roles: { select: { role: true } },
      organization: { select: { reassessEveryDays: true } },
      curators: { where: { endedAt: null }, select: { curatorId: true } },
    },
  });
  if (!owner || !can(actor, "read:assessment", { ownerId, curatorIds: owner.curators.map((c) => c.curatorId) })) {
    throw new AppError("not_found", "errors.userNotFound");
  }

  const assessments = await db.assessment.findMany({
    where: { AND: [{ userId: ownerId, status: "SUBMITTED" }, assessmentsWhere(actor)] },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      submittedAt: true,
      form: true,
      frameworkVersion: true,
      ratings: { select: { itemType: true, itemId: true, level: true, note: true } },
    },
  });
  const draft =
    ownerId === actor.id ? await db.assessment.findFirst({ where: { userId: ownerId, status: "DRAFT" }, select: { form: true, updatedAt: true } }) : null;

  const current = getFramework();
  const profileId = profileForRoles(owner.roles.map((r) => r.role));
  const profile = current.profiles.find((p) => p.id === profileId) ?? current.profiles[0]!;
  const history: AssessmentSummary[] = assessments.map((a) => {
    const fw = getFramework(a.frameworkVersion);
    return {
      id: a.id,
      submittedAt: a.submittedAt!.toISOString(),
      form: a.form,
      frameworkVersion: a.frameworkVersion,
      areas: Object.fromEntries(areaLevels(fw, answersOf(a))),
    };
  });

  const last = assessments.at(-1);
  let latest: MyCompetences["latest"] = null;
  let gaps: MyCompetences["gaps"] = [];
  let focus: MyCompetences["focus"] = [];
  let toReview: MyCompetences["toReview"] = [];
  let changes: MyCompetences["changes"] = [];
  if (last) {
    const fw = getFramework(last.frameworkVersion);
    const levels = competenceLevels(fw, answersOf(last));
    // What the owner finished, for the gaps' links; read within whose learning the reader may see.
    const finished = { userId: ownerId, completedAt: { not: null }, user: menteesWhere(actor) };
    const [reviews, lessonsDone, guidesDone] = await Promise.all([
      db.ratingReview.findMany({
        where: { assessmentId: last.id },
        orderBy: { createdAt: "asc" },
        select: { itemType: true, itemId: true, confirmed: true, comment: true, createdAt: true, curatorId: true, curator: { select: { name: true } } },
      }),
      db.lessonProgress.findMany({ where: finished, select: { lessonId: true } }),
      db.walkthroughProgress.findMany({ where: finished, select: { walkthroughId: true } }),
    ]);
    const title = (t: { uk: string; en: string }) => t[locale];
    latest = {
      ...history.at(-1)!,
      areaLevels: fw.areas.map((a) => ({
        areaId: a.id,
        title: title(a.title),
        level: history.at(-1)!.areas[a.id] ?? 0,
        target: areaTarget(fw, profileId, a.id),
      })),
      competences: levels.map((l) => {
        const c = fw.competences.find((x) => x.id === l.competenceId)!;
        const itemType = l.estimated ? "AREA" : "COMPETENCE";
        const itemId = l.estimated ? c.area : c.id;
        return {
          id: c.id,
          areaId: c.area,
          title: title(c.title),
          level: l.level,
          estimated: l.estimated,
          target: profile.targets[c.id] ?? 0,
          note: last.ratings.find((r) => r.itemType === itemType && r.itemId === itemId)?.note ?? null,
          reviews: reviews
            .filter((r) => r.itemType === itemType && r.itemId === itemId)
            .map((r) => ({
              curatorName: r.curator.name,
              confirmed: r.confirmed,
              comment: r.comment,
              createdAt: r.createdAt.toISOString(),
              byViewer: r.curatorId === actor.id,
            })),
        };
      }),
    };
    // Links for the owner's gaps go to what the owner can open, whoever is looking.
    const audience = ownerId === actor.id ? actor : await findCatalogAudience(ownerId);
    const catalog = audience ? await loadCatalog(audience) : null;
    // What teaches a competence is what lists it in its frontmatter (the framework's `resources` stay empty: teaching-map.ts).
    const lessonsFor = teachingMap(catalog ? orNone(() => catalog.lessons(locale)) : []);
    const guidesFor = teachingMap(catalog ? orNone(() => catalog.walkthroughs(locale)) : []);
    gaps = findGaps(fw, profileId, levels).map((g) => {
      const c = fw.competences.find((x) => x.id === g.competenceId)!;
      return {
        ...g,
        title: title(c.title),
        lessons: (lessonsFor.get(c.id) ?? []).map((l) => ({ id: l.id, title: l.title })),
        walkthroughs: (guidesFor.get(c.id) ?? []).map((w) => ({ id: w.id, title: w.title })),
      };
    });
    focus = planGaps(gaps, { lessons: new Set(lessonsDone.map((l) => l.lessonId)), walkthroughs: new Set(guidesDone.map((g) => g.walkthroughId)) });
    if (can(actor, "review:assessment", { ownerId, curatorIds: owner.curators.map((c) => c.curatorId) })) {
      const reviewed = new Set(reviews.filter((r) => r.curatorId === actor.id).map((r) => `${r.itemType}:${r.itemId}`));
      const rated = new Map(last.ratings.map((r) => [`${r.itemType}:${r.itemId}`, r]));
      // In the framework's order: the areas (short form), or each competence (full form).
      const items = [
        ...fw.areas.map((a) => ({ itemType: "AREA" as const, itemId: a.id, title: title(a.title), target: areaTarget(fw, profileId, a.id) })),
        ...fw.competences.map((c) => ({
          itemType: "COMPETENCE" as const,
          itemId: c.id,
          title: `${c.id} ${title(c.title)}`,
          target: profile.targets[c.id] ?? 0,
        })),
      ];
      toReview = items.flatMap((item) => {
        const key = `${item.itemType}:${item.itemId}`;
        const rating = rated.get(key);
        return rating && !reviewed.has(key) ? [{ ...item, level: rating.level, note: rating.note }] : [];
      });
    }
    const previous = assessments.at(-2);
    if (previous) {
      const areaTitles = new Map(fw.areas.map((a) => [a.id, title(a.title)]));
      changes = areaChanges(new Map(Object.entries(history.at(-2)!.areas)), new Map(Object.entries(history.at(-1)!.areas))).map((ch) => ({
        ...ch,
        title: areaTitles.get(ch.id) ?? ch.id,
      }));
    }
  }

  const everyDays = owner.organization.reassessEveryDays;
  const due = nextAssessmentDue(last?.submittedAt ?? null, everyDays);
  return {
    ownerName: owner.name,
    profile: { id: profile.id, title: profile.title[locale] },
    areas: current.areas.map((a) => ({ id: a.id, title: a.title[locale] })),
    latest,
    history,
    changes,
    gaps,
    focus,
    toReview,
    nextDue: due?.toISOString() ?? null,
    isDue: due ? due.getTime() <= Date.now() : true,
    everyDays,
    draft: draft ? { form: draft.form, updatedAt: draft.updatedAt.toISOString() } : null,
  };
}
