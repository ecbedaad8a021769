import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../server/db/client";
import { createUserSession } from "../../server/auth/user-sessions";
import { recordAudit } from "../../server/audit/record-audit";
import { kyivDay } from "../../lib/kyiv-calendar";
import { buildSummary } from "../../features/competences/scoring";
import { getFramework } from "../../features/competences/server/framework";
import { createPerson, createMentorship, uniqueSuffix, type TestPerson, type TestPlace } from "./people";
import { insertSubmittedAssessment, shortFormAnswers } from "./assessments";
import { createWorkshop } from "./workshops";

/**
 * A person with a row in every table that refers to an account (decision 051), for the tests of
 * "my data" and of erasure: each text they wrote carries `marker`, so a test can find what is
 * theirs; others' words they see carry `seenMarker`, others' data they never see `othersMarker`,
 * and the secrets the tables hold are returned, so a test can show they never leave.
 */
export type PersonWithData = {
  person: TestPerson;
  /** Their curator, their mentee, and an admin of the place (inviter, moderator). */
  curator: TestPerson;
  mentee: TestPerson;
  admin: TestPerson;
  marker: string;
  /** In what others wrote to or about them that they see in the app (their curator's words, a moderator's reason). */
  seenMarker: string;
  /** In other people's data they never see (their mentee's messages, a person they invited, the text of mail to them). */
  othersMarker: string;
  /** Values stored for sign-in and second factors: none may appear in an export. */
  secrets: string[];
  /** Another person's address and name (someone they invited), which their export must not hold. */
  invitee: { email: string; name: string };
  /** Their own post, a thread they started, and another person's post in it that mentions and quotes them. */
  postId: string;
  threadId: string;
  otherPostId: string;
  spaceId: string;
  upcomingWorkshopId: string;
  pastWorkshopId: string;
};

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const DAY = 24 * 3600_000;

/** The place's region space (one per region), made if it is not there yet. */
async function regionSpace(db: PrismaClient, place: TestPlace): Promise<string> {
  const found = await db.communitySpace.findFirst({ where: { kind: "REGION", regionId: place.regionId }, select: { id: true } });
  if (found) return found.id;
  const made = await db.communitySpace.create({ data: { kind: "REGION", regionId: place.regionId, slug: `region-${uniqueSuffix()}`, name: place.regionName } });
  return made.id;
}

export async function createPersonWithData(db: PrismaClient, place: TestPlace, now = new Date()): Promise<PersonWithData> {
  const marker = `mine-${uniqueSuffix()}`;
  const seenMarker = `seen-${uniqueSuffix()}`;
  const othersMarker = `theirs-${uniqueSuffix()}`;
  const organizationId = place.organizationId;
  const person = await createPerson(db, { organizationId, roles: ["LEARNER", "CURATOR", "METHODOLOGIST"] });
  const curator = await createPerson(db, { organizationId, roles: ["CURATOR", "LEARNER"] });
  const mentee = await createPerson(db, { organizationId, roles: ["LEARNER"] });
  const admin = await createPerson(db, { organizationId, roles: ["ADMIN"] });
  const me = person.id;
  const past = new Date(now.getTime() - 10 * DAY);
  const day = kyivDay(past);

  // Signing in and the account's secrets.
  const totpSecret = `sealed-${hex(16)}`;
  const resetHash = sha256(`reset-${marker}`);
  const invitationHash = sha256(`invitation-${marker}`);
  const recoveryHash = sha256(`recovery-${marker}`);
  await createUserSession(me, { userAgent: `Firefox ${marker}`, ip: "10.20.30.40" });
  await db.secondFactor.create({ data: { userId: me, kind: "TOTP", label: `Phone ${marker}`, secret: totpSecret } });
  await db.recoveryCode.create({ data: { userId: me, codeHash: recoveryHash } });
  await db.passwordResetToken.create({ data: { userId: me, tokenHash: resetHash, expiresAt: new Date(now.getTime() + 3600_000) } });
  await db.invitation.create({
    data: {
      email: person.email,
      name: person.name,
      organizationId,
      roles: ["LEARNER"],
      tokenHash: invitationHash,
      invitedById: admin.id,
      expiresAt: new Date(past.getTime() + 7 * DAY),
      acceptedAt: past,
    },
  });
  const invitee = { email: `invitee.${othersMarker}@example.org`, name: `Запрошена ${othersMarker}` };
  await db.invitation.create({
    data: {
      ...invitee,
      organizationId,
      roles: ["LEARNER"],
      tokenHash: sha256(`sent-${marker}`),
      invitedById: me,
      expiresAt: new Date(now.getTime() + 7 * DAY),
    },
  });
  await db.signInFailure.create({ data: { email: person.email, ip: "10.20.30.41" } });
  await db.outboxMail.create({
    data: { to: person.email, subject: `Відновлення пароля ${marker}`, text: `Посилання: https://example.org/reset?token=${hex(20)} ${othersMarker}` },
  });
  await db.idempotencyRecord.create({
    data: {
      scope: me,
      key: `key-${marker}`,
      userId: me,
      method: "POST",
      path: `/api/v1/users/${mentee.id}/disable`,
      requestHash: hex(32),
      status: 200,
      responseBody: { ok: true },
    },
  });
  await recordAudit(db, { actorId: me, action: "auth.sign-in", targetType: "User", targetId: me, regionId: place.regionId });

  // Self-assessments: a submitted one with a note and a curator's review, and a draft.
  const fw = getFramework(1);
  const shortForm = shortFormAnswers(fw, 3);
  const answers = { ...shortForm, purposes: shortForm.purposes as Record<string, "OFTEN"> };
  const ratings = answers.ratings.map((r, i) => ({ ...r, note: i === 0 ? `Моя примітка ${marker}` : null }));
  const submitted = await db.assessment.create({
    data: {
      userId: me,
      frameworkId: "digcomp-sw",
      frameworkVersion: 1,
      profileId: "social-work-specialist",
      form: "SHORT",
      regionId: place.regionId,
      hromadaId: place.hromadaId,
      organizationId,
      ratings: { create: ratings },
      purposes: { create: Object.entries(answers.purposes).map(([purpose, frequency]) => ({ purpose, frequency })) },
      tools: { create: answers.tools },
    },
    select: { id: true },
  });
  const summary = buildSummary(
    fw,
    { form: "SHORT", ratings: answers.ratings },
    Object.entries(answers.purposes).map(([purpose, frequency]) => ({ purpose, frequency })),
    answers.tools,
  );
  await db.assessment.update({ where: { id: submitted.id }, data: { status: "SUBMITTED", submittedAt: past, summary } });
  await db.ratingReview.create({
    data: {
      assessmentId: submitted.id,
      itemType: "AREA",
      itemId: answers.ratings[0]!.itemId,
      curatorId: curator.id,
      confirmed: false,
      comment: `Відгук куратора ${seenMarker}`,
    },
  });
  await db.assessment.create({
    data: {
      userId: me,
      frameworkId: "digcomp-sw",
      frameworkVersion: 1,
      profileId: "social-work-specialist",
      form: "FULL",
      ratings: { create: [{ ...answers.ratings[0]!, note: `Чернетка ${marker}` }] },
    },
  });
  const menteeAssessment = await insertSubmittedAssessment(db, {
    userId: mentee.id,
    regionId: place.regionId,
    hromadaId: place.hromadaId,
    organizationId,
    submittedAt: past,
    ...answers,
  });
  await db.ratingReview.create({
    data: {
      assessmentId: menteeAssessment,
      itemType: "AREA",
      itemId: answers.ratings[0]!.itemId,
      curatorId: me,
      confirmed: true,
      comment: `Мій відгук ${marker}`,
    },
  });

  // Learning.
  await db.lessonProgress.create({ data: { userId: me, lessonId: "strong-passwords", completedAt: past, completedOn: day, minutes: 6, step: 4 } });
  await db.quizAnswer.create({ data: { userId: me, lessonId: "strong-passwords", itemId: "q1", correct: true, answeredAt: past } });
  await db.reviewCard.create({
    data: {
      userId: me,
      lessonId: "strong-passwords",
      itemId: "q1",
      due: now,
      stability: 2,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 2,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: past,
    },
  });
  await db.learningActivity.create({ data: { userId: me, kind: "lesson", contentId: "strong-passwords", day, seconds: 360, at: past } });
  await db.walkthroughProgress.create({ data: { userId: me, walkthroughId: "diia-sign-in", step: 2 } });
  await db.walkthroughReport.create({
    data: { walkthroughId: "diia-sign-in", stepId: "open", kind: "stuck", comment: `Застрягла ${marker}`, userId: me, regionId: place.regionId },
  });
  await db.walkthroughVerification.create({ data: { walkthroughId: "diia-sign-in", verifiedById: me, note: `Перевірено ${marker}` } });

  // Mentoring, both ways: their curator, and their mentee.
  await createMentorship(db, curator.id, me);
  await createMentorship(db, me, mentee.id);
  await db.assignment.create({
    data: { curatorId: curator.id, learnerId: me, kind: "lesson", targetId: "strong-passwords", message: `Завдання мені ${seenMarker}` },
  });
  await db.assignment.create({
    data: { curatorId: me, learnerId: mentee.id, kind: "lesson", targetId: "recognise-phishing", message: `Моє завдання ${marker}` },
  });
  await db.curatorRequest.create({ data: { learnerId: me, curatorId: curator.id, message: `Мій запит ${marker}`, decidedAt: past, accepted: true } });
  await db.curatorRequest.create({
    data: { learnerId: mentee.id, curatorId: me, message: `Запит підопічного ${othersMarker}`, decidedAt: past, accepted: true },
  });
  await db.feedbackMessage.create({ data: { curatorId: curator.id, menteeId: me, authorId: me, body: `Куратору ${marker}` } });
  await db.feedbackMessage.create({ data: { curatorId: curator.id, menteeId: me, authorId: curator.id, body: `Від куратора ${seenMarker}` } });
  await db.feedbackMessage.create({ data: { curatorId: me, menteeId: mentee.id, authorId: me, body: `Підопічному ${marker}` } });
  await db.feedbackMessage.create({ data: { curatorId: me, menteeId: mentee.id, authorId: mentee.id, body: `Від підопічного ${othersMarker}` } });
  await db.notification.create({ data: { userId: me, kind: "feedback.message", data: { actorName: curator.name }, href: "/my-curator" } });
  await db.notification.create({ data: { userId: curator.id, kind: "feedback.message", data: { actorName: person.name }, href: "/curator" } });

  // Communities.
  const national = await db.communitySpace.create({ data: { kind: "NATIONAL", slug: `space-${uniqueSuffix()}`, name: `Простір ${marker}` } });
  const group = await db.communitySpace.create({
    data: { kind: "GROUP", regionId: place.regionId, ownerId: me, slug: `group-${uniqueSuffix()}`, name: `Моя група ${marker}`, description: `Опис ${marker}` },
  });
  await db.spaceMember.create({ data: { spaceId: group.id, userId: me, role: "OWNER" } });
  const curatorsGroup = await db.communitySpace.create({
    data: { kind: "GROUP", regionId: place.regionId, ownerId: curator.id, slug: `group-${uniqueSuffix()}`, name: "Група куратора" },
  });
  await db.spaceMember.create({ data: { spaceId: curatorsGroup.id, userId: curator.id, role: "OWNER" } });
  await db.groupAdmission.create({ data: { spaceId: curatorsGroup.id, userId: me, kind: "INVITATION", invitedById: curator.id } });
  const thread = await db.thread.create({ data: { spaceId: national.id, authorId: me, kind: "QUESTION", title: `Питання ${marker}` } });
  const post = await db.post.create({
    data: { threadId: thread.id, authorId: me, body: `Мій допис ${marker}`, html: `<p>Мій допис ${marker}</p>\n`, editedAt: past },
  });
  await db.postRevision.create({ data: { postId: post.id, body: `Перша версія ${marker}`, editedById: me } });
  await db.postDraft.create({ data: { userId: me, kind: "REPLY", targetId: thread.id, content: { body: `Чернетка допису ${marker}` }, revision: BigInt(1) } });
  const otherPost = await db.post.create({
    data: { threadId: thread.id, authorId: curator.id, body: `Відповідь ${seenMarker}`, html: `<p>Відповідь ${seenMarker}</p>\n` },
  });
  await db.postReaction.create({ data: { postId: otherPost.id, userId: me } });
  await db.threadFollow.create({ data: { userId: me, threadId: thread.id } });
  await db.threadRead.create({ data: { userId: me, threadId: thread.id, lastReadAt: now } });
  await db.postFlag.create({ data: { postId: otherPost.id, userId: me, reason: "OTHER", note: `Скарга ${marker}` } });
  await db.moderationAction.create({ data: { spaceId: national.id, actorId: me, action: "LOCK", threadId: thread.id, reason: `Закрито ${marker}` } });
  await db.moderationAction.create({ data: { actorId: admin.id, action: "SUSPEND", targetUserId: me, reason: `Обмеження ${seenMarker}` } });
  await db.communitySuspension.create({
    data: { userId: me, reason: `Обмеження ${seenMarker}`, createdById: admin.id, createdAt: past, endsAt: new Date(past.getTime() + DAY) },
  });
  const region = await regionSpace(db, place);
  const regionThread = await db.thread.create({ data: { spaceId: region, authorId: curator.id, kind: "QUESTION", title: "Питання області" } });
  await db.knowledgeEntry.create({
    data: { spaceId: region, threadId: regionThread.id, title: `Запис бази ${marker}`, summary: `Підсумок ${marker}`, position: 1, addedById: me },
  });

  // Workshops: one they came to, one still to come, one they announced.
  const pastWorkshop = await createWorkshop(db, { createdById: admin.id, regionId: place.regionId, startsAt: past, registrantIds: [me], attendedIds: [me] });
  const upcoming = await createWorkshop(db, {
    createdById: admin.id,
    regionId: place.regionId,
    startsAt: new Date(now.getTime() + 5 * DAY),
    capacity: 1,
    registrantIds: [me, mentee.id],
  });
  await createWorkshop(db, { createdById: me, regionId: place.regionId, title: `Мій семінар ${marker}`, startsAt: new Date(now.getTime() + 9 * DAY) });

  // Authoring.
  const item = await db.authoredItem.create({
    data: {
      kind: "lesson",
      slug: `lesson-${uniqueSuffix()}`,
      regionId: place.regionId,
      createdById: me,
      draftText: `# Урок ${marker}`,
      draftTitle: `Урок ${marker}`,
    },
  });
  await db.authoredVersion.create({
    data: {
      itemId: item.id,
      number: 1,
      text: "# Урок",
      title: `Урок ${marker}`,
      summary: "",
      meta: {},
      compiledKey: `k/${hex(32)}`,
      submittedById: me,
      approvedById: admin.id,
      publishAt: past,
      publishedAt: null,
    },
  });
  await db.authoredReview.create({ data: { itemId: item.id, revision: 1, reviewerId: me, decision: "RETURNED", comment: `Повернуто ${marker}` } });
  await db.regionTrack.create({
    data: {
      slug: `track-${uniqueSuffix()}`,
      regionId: place.regionId,
      title: `Траєкторія ${marker}`,
      description: "Опис",
      lessons: ["strong-passwords"],
      createdById: me,
    },
  });
  await db.storedFile.create({
    data: {
      key: `files/2026-12/${hex(16)}`,
      kind: "PDF",
      contentType: "application/pdf",
      size: 1024,
      sha256: hex(32),
      name: `file-${marker}.pdf`,
      ownerId: me,
    },
  });

  return {
    person,
    curator,
    mentee,
    admin,
    marker,
    seenMarker,
    othersMarker,
    secrets: [totpSecret, resetHash, invitationHash, recoveryHash],
    invitee,
    postId: post.id,
    threadId: thread.id,
    otherPostId: otherPost.id,
    spaceId: national.id,
    upcomingWorkshopId: upcoming.id,
    pastWorkshopId: pastWorkshop.id,
  };
}
