import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, menteesWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { findCatalogAudience, loadCatalog, type Publisher } from "@/features/content/server/load-catalog";
import { byTitle } from "../assign-order";
import { findMenteeResource } from "./find-mentee-resource";

export type AssignOption = { value: string; title: string; publisher: Publisher; done: boolean };
export type AssignOptions = { lessons: AssignOption[]; walkthroughs: AssignOption[]; tracks: AssignOption[] };

/**
 * What a curator may assign to a current mentee: the lessons, guides and tracks of the mentee's
 * catalog (not the curator's), each sorted by its title in the reader's language, and marked done
 * when the mentee has finished it (a track: every lesson of it) — still assignable, to go over again.
 * Anyone but the mentee's current curator is refused, as for giving the work.
 */
export async function getAssignOptions(actor: Actor, learnerId: string, locale: AppLocale): Promise<AssignOptions> {
  const learner = await findMenteeResource(learnerId);
  if (!learner) throw new AppError("not_found", "errors.userNotFound");
  authorize(actor, "assign:work", learner);
  const db = getDb();
  const scope = { userId: learnerId, completedAt: { not: null }, user: menteesWhere(actor) };
  const [audience, lessonsDone, guidesDone] = await Promise.all([
    findCatalogAudience(learnerId),
    db.lessonProgress.findMany({ where: scope, select: { lessonId: true } }),
    db.walkthroughProgress.findMany({ where: scope, select: { walkthroughId: true } }),
  ]);
  if (!audience) throw new AppError("not_found", "errors.userNotFound");
  const catalog = await loadCatalog(audience);
  const doneLessons = new Set(lessonsDone.map((l) => l.lessonId));
  const doneGuides = new Set(guidesDone.map((g) => g.walkthroughId));
  const sorted = (options: AssignOption[]) => options.sort(byTitle(locale));
  return {
    lessons: sorted(catalog.lessons(locale).map((l) => ({ value: l.id, title: l.title, publisher: l.publisher, done: doneLessons.has(l.id) }))),
    walkthroughs: sorted(catalog.walkthroughs(locale).map((w) => ({ value: w.id, title: w.title, publisher: w.publisher, done: doneGuides.has(w.id) }))),
    tracks: sorted(
      catalog.tracks().map((t) => ({
        value: t.id,
        title: t.title[locale],
        publisher: t.publisher,
        done: t.lessons.length > 0 && t.lessons.every((id) => doneLessons.has(id)),
      })),
    ),
  };
}
