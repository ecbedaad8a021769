import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld } from "../factories/demo-world";
import { shortFormAnswers } from "../factories/assessments";
import { hashPassword } from "../../server/auth/password";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import { resolveSession } from "../../server/auth/current-user";
import { getToday } from "../../features/progress/server/get-today";
import { getFramework } from "../../features/competences/server/framework";
import { getLesson, listLessons, listTracks } from "../../features/lessons/server/catalog";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";
import * as draft from "../../app/api/v1/assessments/draft/route";
import * as submit from "../../app/api/v1/assessments/draft/submit/route";

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

describe("Today", () => {
  it("offers the next lesson of the first track, then the one after it once done, and counts the day", async () => {
    const actor = await actorFor("serhii.bondar@demo.skhodynky.org");
    const [first, second] = listTracks()[0]!.lessons;
    const before = await getToday(actor, "uk");
    expect(before.pick).toMatchObject({ id: first, reason: "track" });
    expect(before.streak).toMatchObject({ current: 0, activeToday: false });
    expect(before.minutesToday).toBe(0);
    expect(before.goalMinutes).toBe(5);

    const done = await callRoute(completion.POST, "/x", { params: { id: first! }, body: { minutes: 4 } });
    expect(done.status).toBe(201);
    const after = await getToday(actor, "uk");
    expect(after.pick).toMatchObject({ id: second, reason: "track" });
    expect(after.streak).toMatchObject({ current: 1, activeToday: true });
    expect(after.doneToday.map((l) => l.id)).toEqual([first]);
    expect(after.minutesToday).toBe(Math.min(4, getLesson(first!, "uk")!.frontmatter.minutes * 2));
  });

  it("puts a lesson for a competency gap first", async () => {
    const actor = await actorFor("yuliia.marchenko@demo.skhodynky.org");
    // Everything at target except the professional area, rated "not yet".
    await callRoute(draft.PUT, "/x", { method: "PUT", body: shortFormAnswers(getFramework(), (area) => (area === "SW" ? 0 : 8)) });
    expect((await callRoute(submit.POST, "/x")).status).toBe(201);
    const today = await getToday(actor, "uk");
    expect(today.pick?.reason).toBe("gap");
    const lesson = listLessons("uk").find((l) => l.id === today.pick?.id)!;
    expect(lesson.competences.some((c) => c.startsWith("SW."))).toBe(true);
  });
});
