import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { callRoute, signInAs } from "../helpers/api";
import { createMentorship, createPerson, createPlace } from "../factories/people";
import { getFeedbackThread, THREAD_PAGE_SIZE, type FeedbackThread } from "../../features/mentoring/server/feedback";
import * as readFeedback from "../../app/api/v1/feedback/[curatorId]/[menteeId]/read/route";
import * as feedback from "../../app/api/v1/feedback/route";
import * as openapi from "../../app/api/v1/openapi.json/route";

const TOTAL = 520;

/** A curator and a mentee of a region of their own, with a long thread: message n (1…520) written n seconds after the start, turn about. */
async function longThread() {
  const db = getDb();
  const place = await createPlace(db);
  const [curator, mentee] = [
    await createPerson(db, { organizationId: place.organizationId, roles: ["CURATOR", "LEARNER"] }),
    await createPerson(db, { organizationId: place.organizationId, roles: ["LEARNER"] }),
  ];
  await createMentorship(db, curator.id, mentee.id);
  const start = Date.now() - 3 * 86_400_000;
  await db.feedbackMessage.createMany({
    data: Array.from({ length: TOTAL }, (_, i) => ({
      curatorId: curator.id,
      menteeId: mentee.id,
      authorId: i % 2 === 0 ? curator.id : mentee.id,
      body: `Повідомлення ${i + 1}`,
      createdAt: new Date(start + (i + 1) * 1000),
    })),
  });
  const actor = (p: typeof curator): Actor => ({
    id: p.id,
    roles: p.roles,
    organizationId: place.organizationId,
    hromadaId: place.hromadaId,
    regionId: place.regionId,
  });
  return { curator, mentee, asCurator: actor(curator), asMentee: actor(mentee) };
}

const numbers = (t: FeedbackThread) => t.messages.map((m) => Number(m.body.split(" ")[1]));
const readState = async (curatorId: string) =>
  (await getDb().feedbackMessage.findMany({ where: { curatorId }, orderBy: { id: "asc" }, select: { id: true, readAt: true } })).map(
    (m) => `${m.id}:${m.readAt?.toISOString() ?? "-"}`,
  );

describe("a long feedback thread", () => {
  it("opens at the newest messages, in order, and pages back to the first through a cursor", async () => {
    const { curator, mentee, asCurator } = await longThread();
    const newest = await getFeedbackThread(asCurator, curator.id, mentee.id);
    expect(THREAD_PAGE_SIZE).toBe(50);
    expect(numbers(newest)).toEqual(Array.from({ length: 50 }, (_, i) => TOTAL - 49 + i));
    expect(newest).toMatchObject({ paged: false, hasUnread: true, newestId: newest.messages.at(-1)!.id, earlierCursor: newest.messages[0]!.id });

    const seen = [...numbers(newest)];
    let page = newest;
    let pages = 1;
    while (page.earlierCursor) {
      page = await getFeedbackThread(asCurator, curator.id, mentee.id, { before: page.earlierCursor });
      expect(page.paged).toBe(true);
      seen.unshift(...numbers(page));
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(TOTAL / THREAD_PAGE_SIZE));
    expect(numbers(page)[0]).toBe(1);
    expect(seen).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));

    // A cursor that is not a message of this thread shows the newest page (another thread's on the same screen).
    expect(numbers(await getFeedbackThread(asCurator, curator.id, mentee.id, { before: "cl0000000000000000000000x" }))).toEqual(numbers(newest));
  });

  it("writes nothing when shown; the read endpoint marks the other person's messages up to the newest one shown", async () => {
    const { curator, mentee, asCurator, asMentee } = await longThread();
    const before = await readState(curator.id);
    const shown = await getFeedbackThread(asCurator, curator.id, mentee.id);
    await getFeedbackThread(asCurator, curator.id, mentee.id, { before: shown.earlierCursor! });
    await getFeedbackThread(asMentee, curator.id, mentee.id);
    expect(await readState(curator.id)).toEqual(before);
    expect(shown.messages.filter((m) => !m.mine).every((m) => !m.read)).toBe(true);

    // The mentee writes again after the curator's page was rendered: that one stays unread.
    await signInAs(mentee.email);
    const late = await callRoute(feedback.POST, "/api/v1/feedback", { body: { curatorId: curator.id, menteeId: mentee.id, body: "Ще одне питання" } });
    expect(late.status).toBe(201);

    await signInAs(curator.email);
    const path = `/api/v1/feedback/${curator.id}/${mentee.id}/read`;
    const call = () =>
      callRoute(readFeedback.POST, path, {
        params: { curatorId: curator.id, menteeId: mentee.id },
        body: { upTo: shown.newestId },
        headers: { "idempotency-key": `read-${curator.id}` },
      });
    const marked = await call();
    expect(marked.status).toBe(200);
    expect(marked.json).toEqual({ read: TOTAL / 2 });
    const replay = await call();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual({ read: TOTAL / 2 });
    const db = getDb();
    expect(await db.feedbackMessage.count({ where: { curatorId: curator.id, authorId: mentee.id, readAt: null } })).toBe(1);
    expect(await db.feedbackMessage.count({ where: { curatorId: curator.id, authorId: curator.id, readAt: { not: null } } })).toBe(0);
    const after = await getFeedbackThread(asCurator, curator.id, mentee.id);
    expect(after.messages.at(-1)).toMatchObject({ id: String(late.json.id), read: false });
    expect(after.hasUnread).toBe(true);

    // Without JavaScript the thread's button posts a plain form and comes back to the thread.
    await signInAs(mentee.email);
    const form = await callRoute(readFeedback.POST, path, {
      params: { curatorId: curator.id, menteeId: mentee.id },
      rawBody: new URLSearchParams({ next: "/my-curator#feedback" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/my-curator#feedback");
    expect(await db.feedbackMessage.count({ where: { curatorId: curator.id, authorId: curator.id, readAt: null } })).toBe(0);
    expect((await getFeedbackThread(asMentee, curator.id, mentee.id)).hasUnread).toBe(false);
  });

  it("a message id from elsewhere is refused, and the endpoint is in the OpenAPI document", async () => {
    const { curator, mentee } = await longThread();
    await signInAs(curator.email);
    const res = await callRoute(readFeedback.POST, "/x", {
      params: { curatorId: curator.id, menteeId: mentee.id },
      body: { upTo: "cl0000000000000000000000x" },
    });
    expect(res.status).toBe(404);
    expect(await getDb().feedbackMessage.count({ where: { curatorId: curator.id, readAt: { not: null } } })).toBe(0);
    const doc = (await (await openapi.GET()).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/api/v1/feedback/{curatorId}/{menteeId}/read"]?.post).toBeDefined();
  });
});
