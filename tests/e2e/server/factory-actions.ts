import { z } from "zod";
import type { PrismaClient } from "../../../server/db/client";
import { clearWalkthroughVerifications, createMentorship, createPerson, createPlace, enrolTestSecondFactor, findPlace } from "../../factories/people";
import { createWorkshop } from "../../factories/workshops";

/**
 * What the end-to-end factory can do, by name. scripts/e2e-server.mjs loads this module next to
 * the app it serves and answers POST /<action> on a loopback port with the app's own database
 * client; tests/e2e/fixtures/test.ts is the only caller.
 */
const ZRole = z.enum(["LEARNER", "CURATOR", "METHODOLOGIST", "ADMIN"]);

const actions = {
  place: { input: z.object({}), run: (db: PrismaClient) => createPlace(db) },
  "demo-place": {
    input: z.object({ regionCode: z.string().min(2) }),
    run: (db: PrismaClient, input: { regionCode: string }) => findPlace(db, input.regionCode),
  },
  person: {
    input: z.object({
      organizationId: z.string().min(1),
      roles: z.array(ZRole).min(1),
      name: z.string().min(1).optional(),
      locale: z.enum(["uk", "en"]).optional(),
      newAccount: z.boolean().optional(),
      /** Admins and methodologists get an authenticator app unless this is false (decision 052); others only when true. */
      secondFactor: z.boolean().optional(),
    }),
    run: async (
      db: PrismaClient,
      input: { organizationId: string; roles: z.infer<typeof ZRole>[]; name?: string; locale?: "uk" | "en"; newAccount?: boolean; secondFactor?: boolean },
    ) => {
      const person = await createPerson(db, input);
      const privileged = input.roles.includes("ADMIN") || input.roles.includes("METHODOLOGIST");
      return (input.secondFactor ?? privileged) ? enrolTestSecondFactor(db, person) : person;
    },
  },
  /** Moves back the moment every session of a person last proved the second factor (a sensitive action then asks again). */
  "age-second-factor": {
    input: z.object({ userId: z.string().min(1), minutes: z.number().int().min(1) }),
    run: async (db: PrismaClient, input: { userId: string; minutes: number }) => {
      await db.userSession.updateMany({
        where: { userId: input.userId, secondFactorAt: { not: null } },
        data: { secondFactorAt: new Date(Date.now() - input.minutes * 60_000) },
      });
      return { ok: true };
    },
  },
  mentorship: {
    input: z.object({ curatorId: z.string().min(1), menteeId: z.string().min(1) }),
    run: (db: PrismaClient, input: { curatorId: string; menteeId: string }) => createMentorship(db, input.curatorId, input.menteeId),
  },
  "clear-walkthrough-verifications": {
    input: z.object({ walkthroughId: z.string().min(1) }),
    run: async (db: PrismaClient, input: { walkthroughId: string }) => ({ cleared: await clearWalkthroughVerifications(db, input.walkthroughId) }),
  },
  /** What the server holds of a person's lesson completions (the offline journeys count them). */
  "lesson-progress": {
    input: z.object({ userId: z.string().min(1) }),
    run: (db: PrismaClient, input: { userId: string }) =>
      db.lessonProgress.findMany({
        where: { userId: input.userId },
        select: { lessonId: true, completedAt: true, completedOn: true },
        orderBy: { lessonId: "asc" },
      }),
  },
  /** A review item of a lesson that came due an hour ago, as if answered right two days before. */
  "due-review": {
    input: z.object({ userId: z.string().min(1), lessonId: z.string().min(1), itemId: z.string().min(1) }),
    run: (db: PrismaClient, input: { userId: string; lessonId: string; itemId: string }) =>
      db.reviewCard.create({
        data: {
          ...input,
          due: new Date(Date.now() - 3_600_000),
          stability: 2,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 2,
          learningSteps: 0,
          reps: 1,
          lapses: 0,
          state: 2,
          lastReview: new Date(Date.now() - 2 * 86_400_000),
        },
        select: { lessonId: true, itemId: true },
      }),
  },
  /** Everything the server holds of a person's learning: completions, review items and activity (the offline journey counts them). */
  "learning-record": {
    input: z.object({ userId: z.string().min(1) }),
    run: async (db: PrismaClient, input: { userId: string }) => ({
      lessons: await db.lessonProgress.findMany({
        where: { userId: input.userId },
        select: { lessonId: true, completedAt: true },
        orderBy: { lessonId: "asc" },
      }),
      walkthroughs: await db.walkthroughProgress.findMany({ where: { userId: input.userId }, select: { walkthroughId: true, completedAt: true } }),
      reviews: await db.reviewCard.findMany({ where: { userId: input.userId }, select: { lessonId: true, itemId: true, reps: true, lastReview: true } }),
      activity: await db.learningActivity.findMany({
        where: { userId: input.userId },
        select: { kind: true, contentId: true, at: true },
        orderBy: { at: "asc" },
      }),
    }),
  },
  workshop: {
    input: z.object({
      createdById: z.string().min(1),
      regionId: z.string().min(1),
      title: z.string().min(3).optional(),
      /** Minutes from now (negative: it has started or happened). */
      startsInMinutes: z.number().int(),
      registrantIds: z.array(z.string().min(1)).default([]),
    }),
    run: (db: PrismaClient, input: { createdById: string; regionId: string; title?: string; startsInMinutes: number; registrantIds: string[] }) =>
      createWorkshop(db, { ...input, startsAt: new Date(Date.now() + input.startsInMinutes * 60_000) }),
  },
} as const;

export type FactoryAnswer = { status: number; body: unknown };

export async function runFactoryAction(db: PrismaClient, name: string, payload: unknown): Promise<FactoryAnswer> {
  if (!Object.hasOwn(actions, name)) return { status: 404, body: { error: `no factory action "${name}"` } };
  const action = actions[name as keyof typeof actions];
  const parsed = action.input.safeParse(payload ?? {});
  if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
  const run = action.run as (db: PrismaClient, input: unknown) => Promise<unknown>;
  return { status: 200, body: await run(db, parsed.data) };
}
