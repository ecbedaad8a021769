import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import { resolveSession } from "../../server/auth/current-user";
import { getWalkthrough, walkthroughScreenCount } from "../../features/walkthroughs/server/catalog";
import { getWalkthroughState } from "../../features/walkthroughs/server/progress";
import { getFreshness, isStale } from "../../features/walkthroughs/server/freshness";
import { kyivDay } from "@/lib/kyiv-calendar";
import * as position from "../../app/api/v1/walkthroughs/[id]/position/route";
import * as completion from "../../app/api/v1/walkthroughs/[id]/completion/route";
import * as reports from "../../app/api/v1/walkthroughs/[id]/reports/route";
import * as resolution from "../../app/api/v1/walkthroughs/[id]/reports/resolution/route";
import * as verifications from "../../app/api/v1/walkthroughs/[id]/verifications/route";
import { getWalkthroughQueue } from "../../features/walkthroughs/server/reports";
import { getCompetenceOverview } from "../../features/competences/server/get-my-competences";
import { getFramework } from "../../features/competences/server/framework";
import { shortFormAnswers } from "../factories/assessments";
import * as draft from "../../app/api/v1/assessments/draft/route";
import * as submit from "../../app/api/v1/assessments/draft/submit/route";

const GUIDE = "diia-sign-in";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

describe("walkthrough progress", () => {
  it("resumes on the step reached, in either language, and refuses a step the guide does not have", async () => {
    const actor = await actorFor("learner@demo.skhodynky.org");
    const screens = walkthroughScreenCount(GUIDE);
    // The opening, eight steps and the practice check.
    expect(screens).toBe(1 + getWalkthrough(GUIDE, "uk")!.steps.length + 1);
    expect(getWalkthrough(GUIDE, "en")!.steps.map((s) => s.id)).toEqual(getWalkthrough(GUIDE, "uk")!.steps.map((s) => s.id));
    const saved = await callRoute(position.PUT, "/x", { method: "PUT", params: { id: GUIDE }, body: { step: 4 } });
    expect(saved.status).toBe(200);
    expect(await getWalkthroughState(actor, GUIDE)).toEqual({ completed: false, step: 4 });

    const beyond = await callRoute(position.PUT, "/x", { method: "PUT", params: { id: GUIDE }, body: { step: screens } });
    expect(beyond.status).toBe(400);
    expect(beyond.json.error?.fields?.step?.[0]).toBe("У цьому уроці немає такого екрана.");
    expect((await callRoute(position.PUT, "/x", { method: "PUT", params: { id: "no-such-guide" }, body: { step: 0 } })).status).toBe(404);
    expect(await getWalkthroughState(actor, GUIDE)).toEqual({ completed: false, step: 4 });
  });

  it("records a completion once per idempotency key, on the Kyiv day it was done, and counts its time", async () => {
    const actor = await actorFor("curator@demo.skhodynky.org");
    const item = getWalkthrough(GUIDE, "uk")!.items[0]!.id;
    const body = { minutes: 9, answers: [{ itemId: item, correct: true }] };
    const headers = { "idempotency-key": "guide-done-1" };
    const first = await callRoute(completion.POST, "/x", { params: { id: GUIDE }, body, headers });
    const replay = await callRoute(completion.POST, "/x", { params: { id: GUIDE }, body, headers });
    expect(first.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(first.json).toMatchObject({ walkthroughId: GUIDE, completedOn: kyivDay(new Date()) });
    expect(await getWalkthroughState(actor, GUIDE)).toMatchObject({ completed: true });
    const activity = await getDb().learningActivity.findMany({ where: { userId: actor.id } });
    expect(activity).toEqual([expect.objectContaining({ kind: "walkthrough", contentId: GUIDE, seconds: 9 * 60 })]);

    const unknown = await callRoute(completion.POST, "/x", { params: { id: GUIDE }, body: { answers: [{ itemId: "nope", correct: true }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.fields?.["answers.0.itemId"]).toBeDefined();
  });
});

describe("freshness of a guide", () => {
  it("says who verified it and when, prefers the latest verification in the app, and is stale after 180 days", async () => {
    const db = getDb();
    const methodologist = await db.user.findUniqueOrThrow({ where: { email: "methodist.poltava@demo.skhodynky.org" } });
    const fm = getWalkthrough(GUIDE, "uk")!.frontmatter;
    expect((await getFreshness([GUIDE], () => fm)).get(GUIDE)).toBeNull();
    await db.walkthroughVerification.create({ data: { walkthroughId: GUIDE, verifiedById: methodologist.id, verifiedAt: new Date("2026-05-01T09:00:00Z") } });
    const fresh = (await getFreshness([GUIDE], () => fm)).get(GUIDE)!;
    expect(fresh).toEqual({ verifiedOn: "2026-05-01", by: expect.stringContaining(methodologist.name) });
    expect(isStale(fresh, new Date("2026-10-28T12:00:00Z"))).toBe(false); // 180 days
    expect(isStale(fresh, new Date("2026-10-29T12:00:00Z"))).toBe(true); // 181 days
    // A guide whose content names a verification uses it until one is recorded in the app.
    const written = { ...fm, verified: { on: "2026-11-01", by: "Олена Коваль, методистка" } };
    expect((await getFreshness(["helsi-declaration"], () => written)).get("helsi-declaration")).toEqual({
      verifiedOn: "2026-11-01",
      by: "Олена Коваль, методистка",
    });
  });
});

describe("reports and the methodologists' queue", () => {
  it("sends a stuck or 'looks different' report to the reporter's region only, and refuses client personal data", async () => {
    const learner = await actorFor("learner@demo.skhodynky.org");
    const stepId = getWalkthrough(GUIDE, "uk")!.steps[2]!.id;
    const stuck = await callRoute(reports.POST, "/x", { params: { id: GUIDE }, body: { stepId, kind: "stuck" } });
    expect(stuck.status).toBe(201);
    const different = await callRoute(reports.POST, "/x", { params: { id: GUIDE }, body: { stepId, kind: "looks-different", comment: "Кнопка тепер угорі" } });
    expect(different.status).toBe(201);

    const leak = await callRoute(reports.POST, "/x", {
      params: { id: GUIDE },
      body: { stepId, kind: "looks-different", comment: "У пані Марії (067 123 45 67) не відкривається" },
    });
    expect(leak.status).toBe(400);
    expect(leak.json.error?.fields?.comment?.[0]).toMatch(/персональні дані/);
    expect(await getDb().walkthroughReport.count({ where: { comment: { contains: "067" } } })).toBe(0);
    expect((await callRoute(reports.POST, "/x", { params: { id: GUIDE }, body: { stepId: "no-such-step", kind: "stuck" } })).status).toBe(400);

    const poltava = await actorFor("methodist.poltava@demo.skhodynky.org");
    expect(poltava.regionId).toBe(learner.regionId);
    const queue = await getWalkthroughQueue(poltava, poltava.regionId, "uk");
    expect(queue.steps).toEqual([
      expect.objectContaining({
        walkthroughId: GUIDE,
        stepId,
        // The guide's third step is its fourth screen (the opening screen comes first).
        href: `/walkthroughs/${GUIDE}?step=4`,
        stuck: 1,
        looksDifferent: 1,
        comments: [expect.objectContaining({ text: "Кнопка тепер угорі" })],
      }),
    ]);

    const zhytomyr = await actorFor("methodist.zhytomyr@demo.skhodynky.org");
    expect((await getWalkthroughQueue(zhytomyr, zhytomyr.regionId, "uk")).steps).toEqual([]);
    await expect(getWalkthroughQueue(zhytomyr, poltava.regionId, "uk")).rejects.toMatchObject({ code: "forbidden" });
    const foreign = await callRoute(resolution.POST, "/x", { params: { id: GUIDE }, body: { stepId, regionId: poltava.regionId } });
    expect(foreign.status).toBe(403);

    await signInAs("methodist.poltava@demo.skhodynky.org");
    const closed = await callRoute(resolution.POST, "/x", { params: { id: GUIDE }, body: { stepId } });
    expect(closed.json).toEqual({ resolved: 2 });
    expect((await getWalkthroughQueue(poltava, poltava.regionId, "uk")).steps).toEqual([]);
  });

  it("puts guides never verified or verified more than 180 days ago in the queue, and takes a guide out once verified", async () => {
    const methodologist = await actorFor("methodist.zhytomyr@demo.skhodynky.org");
    const db = getDb();
    const now = new Date("2026-11-23T10:00:00Z");
    await db.walkthroughVerification.create({
      data: { walkthroughId: "viber-closed-group", verifiedById: methodologist.id, verifiedAt: new Date("2026-05-26T09:00:00Z") },
    }); // 181 days
    await db.walkthroughVerification.create({
      data: { walkthroughId: "zoom-call-elderly-client", verifiedById: methodologist.id, verifiedAt: new Date("2026-05-28T09:00:00Z") },
    }); // 179 days
    const queue = await getWalkthroughQueue(methodologist, methodologist.regionId, "uk", now);
    const reasons = new Map(queue.toCheck.map((g) => [g.id, g.reason]));
    expect(reasons.get("viber-closed-group")).toBe("stale");
    expect(reasons.has("zoom-call-elderly-client")).toBe(false);
    expect(reasons.get("google-forms-survey")).toBe("unverified");

    // Learners cannot mark a guide verified; a methodologist can, and it leaves the queue.
    await signInAs("learner@demo.skhodynky.org");
    expect((await callRoute(verifications.POST, "/x", { params: { id: "google-forms-survey" }, body: {} })).status).toBe(403);
    await signInAs("methodist.zhytomyr@demo.skhodynky.org");
    const verified = await callRoute(verifications.POST, "/x", { params: { id: "google-forms-survey" }, body: { note: "Звірено з формою 23.11" } });
    expect(verified.status).toBe(201);
    const after = await getWalkthroughQueue(methodologist, methodologist.regionId, "uk");
    expect(after.toCheck.map((g) => g.id)).not.toContain("google-forms-survey");
  });
});

describe("walkthroughs for competency gaps", () => {
  it("are offered beside lessons for a gap in a competence they teach", async () => {
    const actor = await actorFor("iryna.shevchuk@demo.skhodynky.org");
    await callRoute(draft.PUT, "/x", { method: "PUT", body: shortFormAnswers(getFramework(), (area) => (area === "SW" ? 0 : 8)) });
    expect((await callRoute(submit.POST, "/x")).status).toBe(201);
    const overview = await getCompetenceOverview(actor, actor.id, "uk");
    const sw1 = overview!.gaps.find((g) => g.competenceId === "SW.1")!;
    expect(sw1.walkthroughs).toContainEqual({ id: GUIDE, title: getWalkthrough(GUIDE, "uk")!.frontmatter.title });
    expect(getWalkthrough(GUIDE, "uk")!.frontmatter.competences).toContain("SW.1");
  });
});
