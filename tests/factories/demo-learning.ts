import type { PrismaClient, Role } from "../../server/db/client";
import { DEMO_EMAIL_DOMAIN } from "./demo-world";
import { listLessons, getLesson } from "../../features/lessons/server/catalog";
import { listWalkthroughs } from "../../features/walkthroughs/server/catalog";
import { completeLesson } from "../../features/progress/server/complete-lesson";
import { completeWalkthrough } from "../../features/walkthroughs/server/progress";
import { kyivLocalToInstant } from "../../features/workshops/kyiv-time";
import { addDays, kyivDay } from "../../lib/kyiv-calendar";

/** A small deterministic generator (mulberry32): the same demo history on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Six weeks of learning for the demo learners, recorded through the same functions the lesson and
 * guide players call (so progress, the review schedule, curators' caseloads and the activity report
 * all read it as real work): each learner finished a few lessons in track order and sometimes a guide,
 * on working days between 09:00 and 17:00 Kyiv time, answering most quiz items right. The demo
 * learner (learner@) keeps two lessons of the first track open, so Today still has one to offer.
 * Needs the compiled content (`.content/`). Returns the number of finished lessons and guides.
 */
export async function createDemoLearning(db: PrismaClient, now = new Date()): Promise<number> {
  const lessons = listLessons("uk").map((l) => l.id);
  const guides = listWalkthroughs("uk").map((w) => w.id);
  if (!lessons.length) throw new Error("Demo learning: no compiled lessons — run scripts/build-content.ts first.");
  const learners = await db.user.findMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, status: "ACTIVE", roles: { some: { role: "LEARNER" } } },
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      organizationId: true,
      roles: { select: { role: true } },
      organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } },
    },
  });
  const today = kyivDay(now);
  let finished = 0;
  for (const [index, person] of learners.entries()) {
    const next = random(2026 + index);
    const actor = {
      id: person.id,
      roles: person.roles.map((r) => r.role as Role),
      organizationId: person.organizationId,
      hromadaId: person.organization.hromadaId,
      regionId: person.organization.hromada.regionId,
    };
    const isDemoLearner = person.email === `learner@${DEMO_EMAIL_DOMAIN}`;
    // Some learners barely started, some keep going: 1–9 lessons.
    const count = isDemoLearner ? 4 : 1 + Math.floor(next() * 9);
    const start = isDemoLearner ? 0 : Math.floor(next() * 6);
    const picked = lessons.slice(start, start + count);
    // Days spread over the last six weeks, oldest first, never today; a weekend day becomes the Friday before.
    const days = picked
      .map(() => {
        const day = addDays(today, -(3 + Math.floor(next() * 40)));
        const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
        return weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, -2) : day;
      })
      .sort();
    for (const [i, lessonId] of picked.entries()) {
      const time = `${String(9 + Math.floor(next() * 8)).padStart(2, "0")}:${String(Math.floor(next() * 60)).padStart(2, "0")}`;
      const at = kyivLocalToInstant(`${days[i]!}T${time}`)!;
      const lesson = getLesson(lessonId, "uk");
      const answers = (lesson?.items ?? []).map((item) => ({ itemId: item.id, correct: next() < 0.8 }));
      await completeLesson(actor, lessonId, { minutes: 3 + Math.floor(next() * 3), answers }, at);
      finished += 1;
      if (next() < 0.3 && guides.length) {
        const guide = guides[Math.floor(next() * guides.length)]!;
        await completeWalkthrough(actor, guide, { minutes: 5 + Math.floor(next() * 6), answers: [] }, new Date(at.getTime() + 20 * 60_000));
        finished += 1;
      }
    }
  }
  return finished;
}
