import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { createDemoWorld, DEMO_MENTORSHIPS } from "../factories/demo-world";
import { hashPassword } from "../../server/auth/password";
import { callRoute, currentSessionToken, signInAs, signOutLocally } from "../helpers/api";
import { resolveSession } from "../../server/auth/current-user";
import { effectiveDigest, remindDueSoon, sendDueDigests, unsubscribeToken } from "../../features/notifications/server/digests";
import { postFeedback } from "../../features/mentoring/server/feedback";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import * as digest from "../../app/api/v1/me/digest/route";
import * as unsubscribe from "../../app/api/v1/digests/unsubscribe/route";

const [CURATOR, MENTEE] = DEMO_MENTORSHIPS[0]!;

beforeAll(async () => {
  await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
});

async function actorFor(email: string) {
  await signInAs(email);
  return (await resolveSession(currentSessionToken()!))!;
}

describe("e-mail digests and reminders", () => {
  it("are off for learners and weekly for curators unless they choose", () => {
    expect(effectiveDigest(null, ["LEARNER"])).toBe("off");
    expect(effectiveDigest(null, ["CURATOR", "LEARNER"])).toBe("weekly");
    expect(effectiveDigest("daily", ["LEARNER"])).toBe("daily");
    expect(effectiveDigest("off", ["METHODOLOGIST"])).toBe("off");
  });

  it("remind a learner once, the day before an assignment is due", async () => {
    const db = getDb();
    const curator = await db.user.findUniqueOrThrow({ where: { email: CURATOR } });
    const mentee = await db.user.findUniqueOrThrow({ where: { email: MENTEE } });
    const now = new Date();
    await db.assignment.create({
      data: { curatorId: curator.id, learnerId: mentee.id, kind: "lesson", targetId: "strong-passwords", dueOn: addDays(kyivDay(now), 1) },
    });
    await db.assignment.create({
      data: { curatorId: curator.id, learnerId: mentee.id, kind: "lesson", targetId: "safe-work-chats", dueOn: addDays(kyivDay(now), 3) },
    });
    expect(await remindDueSoon(now)).toBe(1);
    expect(await remindDueSoon(now)).toBe(0);
    expect(await db.notification.count({ where: { userId: mentee.id, kind: "assignment.dueSoon" } })).toBe(1);
  });

  it("send unread notifications to those who want them — names and titles only — with an unsubscribe link that works without signing in", async () => {
    const db = getDb();
    const curator = await actorFor(CURATOR);
    const mentee = await actorFor(MENTEE);
    await postFeedback(mentee, curator.id, mentee.id, "Чи можна перенести зустріч на четвер?");
    // The mentee has news of their own too, whichever test of this file ran before.
    await postFeedback(curator, curator.id, mentee.id, "Так, у четвер о десятій.");
    const now = new Date();
    await db.outboxMail.deleteMany();
    expect(await sendDueDigests(now)).toBe(1); // the curator (weekly by default); the learner's digest is off
    const [mail] = await db.outboxMail.findMany();
    const curatorRow = await db.user.findUniqueOrThrow({ where: { id: curator.id } });
    expect(mail).toMatchObject({ to: curatorRow.email, subject: expect.stringMatching(/^Сходинки: нових сповіщень — \d+$/) });
    expect(mail!.text).toContain("Нове повідомлення від");
    expect(mail!.text).not.toContain("перенести зустріч");
    expect(mail!.text).toContain(`/unsubscribe?token=${unsubscribeToken(curator.id)}`);
    expect(await sendDueDigests(new Date(now.getTime() + 3_600_000))).toBe(0); // not again within the week

    // The learner opts in to a daily digest and gets theirs.
    await signInAs(MENTEE);
    expect((await callRoute(digest.PUT, "/x", { method: "PUT", body: { digest: "daily" } })).status).toBe(200);
    expect(await sendDueDigests(now)).toBe(1);

    // One click, no session: the link's token turns the digest off; a forged one changes nothing.
    signOutLocally();
    expect((await callRoute(unsubscribe.POST, "/x", { body: { token: `${curator.id}.forged-signature-000000000000` } })).status).toBe(400);
    expect((await callRoute(unsubscribe.POST, "/x", { body: { token: unsubscribeToken(curator.id) } })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: curator.id } })).digest).toBe("off");
  });
});
