import { describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import { createMentorship, createPerson, createPlace } from "../factories/people";
import { callRoute, currentSessionToken, signInAs } from "../helpers/api";
import { resolveSession } from "../../server/auth/current-user";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { listNotifications } from "../../features/notifications/server/centre";
import { remindDueSoon, sendDueDigests } from "../../features/notifications/server/digests";
import { postFeedback } from "../../features/mentoring/server/feedback";
import * as assignments from "../../app/api/v1/assignments/route";
import * as completion from "../../app/api/v1/lessons/[id]/completion/route";

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

/** A curator Олег Ткачук and his mentee Оксана Ткачук: the same family name, declined for him and not for her. */
async function createPair() {
  const db = getDb();
  const place = await createPlace(db);
  const person = (name: string, roles: Role[]) => createPerson(db, { organizationId: place.organizationId, roles, name });
  const curator = await person("Олег Ткачук", ["CURATOR", "LEARNER"]);
  const mentee = await person("Оксана Ткачук", ["LEARNER"]);
  await createMentorship(db, curator.id, mentee.id);
  return { curator, mentee };
}

describe("people's names in notification and mail sentences", () => {
  it("take the case of their Ukrainian sentence: «від Олега Ткачука», «від Оксани Ткачук»; English keeps them as written", async () => {
    const { curator, mentee } = await createPair();
    const curatorActor = await actorFor(curator.email);
    const menteeActor = await actorFor(mentee.email);

    await postFeedback(menteeActor, curator.id, mentee.id, "Чи можна перенести зустріч на четвер?");
    await postFeedback(curatorActor, curator.id, mentee.id, "Так, у четвер о десятій.");
    expect((await listNotifications(curatorActor, "uk"))[0]!.text).toBe("Нове повідомлення від Оксани Ткачук");
    expect((await listNotifications(menteeActor, "uk"))[0]!.text).toBe("Нове повідомлення від Олега Ткачука");
    expect((await listNotifications(menteeActor, "en"))[0]!.text).toBe("New message from Олег Ткачук");

    const now = new Date();
    await getDb().assignment.create({
      data: { curatorId: curator.id, learnerId: mentee.id, kind: "lesson", targetId: "strong-passwords", dueOn: addDays(kyivDay(now), 1) },
    });
    expect(await remindDueSoon(now)).toBe(1);
    const [dueSoon] = await listNotifications(menteeActor, "uk");
    expect(dueSoon).toMatchObject({ kind: "assignment.dueSoon", actorName: "Олег Ткачук" });
    expect(dueSoon!.text).toMatch(/^Завтра термін доручення від Олега Ткачука: «.+»$/);
    expect((await listNotifications(menteeActor, "en"))[0]!.text).toMatch(/^Due tomorrow, from Олег Ткачук: “.+”$/);
  });

  it("tell the curator that an assignment is done, not that it is being done", async () => {
    const { curator, mentee } = await createPair();
    await signInAs(curator.email);
    const created = await callRoute(assignments.POST, "/api/v1/assignments", {
      body: { learnerId: mentee.id, kind: "lesson", targetId: "recognise-phishing" },
    });
    expect(created.status).toBe(201);
    await signInAs(mentee.email);
    expect((await callRoute(completion.POST, "/x", { params: { id: "recognise-phishing" }, body: { minutes: 5 } })).status).toBeLessThan(300);

    const curatorActor = await actorFor(curator.email);
    const [done] = await listNotifications(curatorActor, "uk");
    expect(done!.kind).toBe("assignment.completed");
    expect(done!.text).toBe(`Оксана Ткачук: доручення «${done!.title}» виконано`);
    expect(done!.text).not.toContain("виконує");
    expect((await listNotifications(curatorActor, "en"))[0]!.text).toMatch(/^Оксана Ткачук completed the assignment “.+”$/);
  });

  it("greet the reader of a digest in the vocative and list the declined sentences", async () => {
    const { curator, mentee } = await createPair();
    await postFeedback(await actorFor(mentee.email), curator.id, mentee.id, "Дякую за урок!");
    const db = getDb();
    await db.outboxMail.deleteMany();
    await sendDueDigests(new Date());
    const curatorEmail = (await db.user.findUniqueOrThrow({ where: { id: curator.id } })).email;
    const mail = (await db.outboxMail.findMany({ where: { to: curatorEmail } }))[0];
    expect(mail).toBeDefined();
    const lines = mail!.text.split("\n");
    expect(lines[0]).toBe("Вітаємо, Олегу Ткачуку! Ось що нового на платформі:");
    expect(lines).toContain("• Нове повідомлення від Оксани Ткачук");
  });
});
