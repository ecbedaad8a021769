import { createHash } from "node:crypto";
import type { PrismaClient } from "../../server/db/client";
import { getFramework } from "../../features/competences/server/framework";
import { DIRECTION_IDS, FREQUENCIES, PURPOSE_IDS, TOOL_IDS } from "../../features/competences/instrument";
import { insertSubmittedAssessment } from "./assessments";

const DAY = 24 * 60 * 60 * 1000;
/** Months before "now" at which demo people took a self-assessment: roughly quarterly over a year. */
const ROUNDS = [300, 200, 110, 20];

/** A stable pseudo-random number in [0, 1) from a text, so the demo is the same on every seed. */
function unit(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * A year of self-assessments for the demo learners (not the demo learner account itself, whose
 * first self-assessment is the user's to take): levels grow a little round by round, about one in
 * three takes the full form, answers vary by person. Gives methodologists a report to read.
 */
export async function createDemoAssessments(db: PrismaClient, now = new Date()): Promise<number> {
  const fw = getFramework(1);
  const people = await db.user.findMany({
    where: { roles: { every: { role: "LEARNER" } }, email: { not: "learner@demo.skhodynky.org" } },
    select: { id: true, email: true, organizationId: true, organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } } },
    orderBy: { email: "asc" },
  });
  let created = 0;
  for (const person of people) {
    const base = 1 + Math.floor(unit(person.email) * 4);
    const rounds = ROUNDS.filter((_, i) => unit(`${person.email}:${i}`) > 0.15);
    for (const [round, daysAgo] of rounds.entries()) {
      const seed = `${person.email}:${round}`;
      const full = unit(`${seed}:form`) < 0.34;
      const level = (key: string) => Math.max(0, Math.min(8, base + round + Math.floor(unit(`${seed}:${key}`) * 3) - 1));
      const ratings = full
        ? fw.competences.map((c) => ({ itemType: "COMPETENCE" as const, itemId: c.id, level: level(c.id) }))
        : fw.areas.map((a) => ({ itemType: "AREA" as const, itemId: a.id, level: level(a.id) }));
      const purposes = Object.fromEntries(PURPOSE_IDS.map((p) => [p, FREQUENCIES[Math.min(3, Math.floor(unit(`${seed}:${p}`) * 3.4))]!])) as Record<
        string,
        (typeof FREQUENCIES)[number]
      >;
      const tools = full
        ? TOOL_IDS.flatMap((t) =>
            DIRECTION_IDS.filter((d) => unit(`${seed}:${t}:${d}`) < (t.startsWith("viber") || t === "zoom" || t === "facebook-professional" ? 0.6 : 0.2)).map(
              (d) => ({ tool: t, direction: d }),
            ),
          )
        : [];
      await insertSubmittedAssessment(db, {
        userId: person.id,
        regionId: person.organization.hromada.regionId,
        hromadaId: person.organization.hromadaId,
        organizationId: person.organizationId,
        submittedAt: new Date(now.getTime() - daysAgo * DAY - Math.floor(unit(`${seed}:day`) * 10) * DAY),
        form: full ? "FULL" : "SHORT",
        ratings,
        purposes,
        tools,
      });
      created += 1;
    }
  }
  return created;
}
