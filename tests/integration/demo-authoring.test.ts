import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { actorFromDb } from "../factories/actors";
import { createDemoWorld, DEMO_EMAIL_DOMAIN } from "../factories/demo-world";
import { createDemoAuthoring, DEMO_REGIONAL_LESSON_ID } from "../factories/demo-authoring";
import { loadCatalog } from "../../features/content/server/load-catalog";
import { listAuthoringItems } from "../../features/authoring/server/list-authoring-items";

const actor = (email: string) => actorFromDb(getDb(), { email });

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("unused-in-these-tests") });
  await createDemoAuthoring(getDb());
}, 120_000);

describe("the Poltava centre's demo items written in the app", () => {
  it("publishes a lesson, a recommendation and a track for Poltava's learners only", async () => {
    const poltava = await loadCatalog(await actor(`learner@${DEMO_EMAIL_DOMAIN}`));
    const lesson = poltava.lessons("uk").find((l) => l.id === DEMO_REGIONAL_LESSON_ID);
    expect(lesson?.publisher).toMatchObject({ scope: "region", name: { uk: "Полтавська область" } });
    expect((await poltava.getLesson(DEMO_REGIONAL_LESSON_ID, "uk"))?.items.map((i) => i.id)).toEqual(["outreach-frozen-page", "outreach-photo-documents"]);
    expect(poltava.notes().map((n) => n.noteKind)).toEqual(["RECOMMENDATION"]);
    expect(await poltava.getNoteCode(poltava.notes()[0]!.id)).toBeTruthy();
    expect(poltava.tracks().find((t) => t.publisher?.scope === "region")?.lessons).toContain(DEMO_REGIONAL_LESSON_ID);

    const zhytomyrLearner = (
      await getDb().user.findFirstOrThrow({
        where: { organization: { hromada: { region: { nameUk: "Житомирська область" } } }, roles: { some: { role: "LEARNER" } } },
        select: { email: true },
      })
    ).email;
    const zhytomyr = await loadCatalog(await actor(zhytomyrLearner));
    expect(zhytomyr.lessonExists(DEMO_REGIONAL_LESSON_ID)).toBe(false);
    expect(zhytomyr.notes()).toEqual([]);
    expect(zhytomyr.tracks().some((t) => t.publisher !== null)).toBe(false);
  });

  it("leaves a lesson by the second methodologist waiting for the first one's review", async () => {
    const waiting = (await listAuthoringItems(await actor(`methodist.poltava@${DEMO_EMAIL_DOMAIN}`))).filter((i) => i.awaitsActor);
    expect(waiting.map((i) => i.slug)).toEqual(["poltava-video-call-doctor"]);
    expect((await listAuthoringItems(await actor(`methodist.zhytomyr@${DEMO_EMAIL_DOMAIN}`))).length).toBe(0);
  });
});
