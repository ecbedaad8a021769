import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import type { Actor } from "../../server/authz/policy";
import { createMentorship, createPerson, createPlace, type TestPerson, type TestPlace } from "../factories/people";
import { callRoute, signInAs } from "../helpers/api";
import { createGroup } from "../../features/community/server/create-group";
import { inviteToGroup } from "../../features/community/server/invite-to-group";
import { requestToJoinGroup } from "../../features/community/server/request-to-join-group";
import { decideGroupAdmission } from "../../features/community/server/decide-group-admission";
import { removeGroupMember } from "../../features/community/server/remove-group-member";
import { getGroupMembers } from "../../features/community/server/get-group-members";
import { listMyAdmissions } from "../../features/community/server/list-my-admissions";
import { listSpaces } from "../../features/community/server/list-spaces";
import { createThread } from "../../features/community/server/create-thread";
import { getThread } from "../../features/community/server/get-thread";
import { listNotifications } from "../../features/notifications/server/centre";
import * as groupsRoute from "../../app/api/v1/community/groups/route";
import * as admissionRoute from "../../app/api/v1/community/admissions/[id]/route";
import * as threadsRoute from "../../app/api/v1/community/spaces/[slug]/threads/route";

type Person = TestPerson & { actor: Actor };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "groups-test-2026" });
  return { ...p, actor: { id: p.id, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId } };
}

/** A curator with a mentee in another region, a colleague of the curator's hromada, strangers. */
let world: { curator: Person; mentee: Person; colleague: Person; learner: Person; stranger: Person; methodologist: Person; admin: Person };

beforeAll(async () => {
  const db = getDb();
  const here = await createPlace(db);
  const there = await createPlace(db);
  const curator = await person(here, ["CURATOR", "LEARNER"]);
  const mentee = await person(there, ["LEARNER"]);
  await createMentorship(db, curator.id, mentee.id);
  world = {
    curator,
    mentee,
    colleague: await person(here, ["LEARNER"]),
    learner: await person(here, ["LEARNER"]),
    stranger: await person(there, ["LEARNER"]),
    methodologist: await person(there, ["METHODOLOGIST"]),
    admin: await person(there, ["ADMIN"]),
  };
});

const kinds = async (userId: string) =>
  (await getDb().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true } })).map((n) => n.kind);

async function newGroup(owner = world.curator) {
  return (await createGroup(owner.actor, { name: "Наставницька група", description: "Для підопічних" })).slug;
}

describe("creating a group", () => {
  it("lets curators and methodologists create groups, not learners or admins alone; names with client data are refused", async () => {
    const slug = await newGroup();
    const members = await getGroupMembers(world.curator.actor, slug);
    expect(members).toMatchObject({ isOwner: true, canLeave: false, members: [{ userId: world.curator.id, isOwner: true }] });
    await expect(createGroup(world.methodologist.actor, { name: "Команда громади" })).resolves.toMatchObject({ slug: expect.stringMatching(/^g-/) });
    await expect(createGroup(world.learner.actor, { name: "Моя група" })).rejects.toMatchObject({ status: 403 });
    await expect(createGroup(world.admin.actor, { name: "Група адміна" })).rejects.toMatchObject({ status: 403 });
    await expect(createGroup(world.curator.actor, { name: "Група пані Олени, тел. 067 123 45 67" })).rejects.toMatchObject({ status: 422 });
  });

  it("through the API: 201 for a curator, 403 for a learner", async () => {
    await signInAs(world.curator.email);
    const ok = await callRoute(groupsRoute.POST, "/api/v1/community/groups", { body: { name: "Група через API" } });
    expect(ok.status).toBe(201);
    await signInAs(world.learner.email);
    const refused = await callRoute(groupsRoute.POST, "/api/v1/community/groups", { body: { name: "Група через API" } });
    expect(refused.status).toBe(403);
  });
});

describe("invitations", () => {
  it("invites only people the owner may invite; the invitee sees it, is notified, accepts and reads the group's threads", async () => {
    const { curator, mentee, colleague, stranger } = world;
    const slug = await newGroup();
    const offered = (await getGroupMembers(curator.actor, slug)).invitees.map((p) => p.id);
    expect(offered).toEqual(expect.arrayContaining([mentee.id, colleague.id]));
    expect(offered).not.toContain(stranger.id);
    expect(offered).not.toContain(curator.id);
    await expect(inviteToGroup(curator.actor, slug, stranger.id)).rejects.toMatchObject({ status: 403 });
    await expect(inviteToGroup(colleague.actor, slug, mentee.id)).rejects.toMatchObject({ status: 404 });
    const thread = await createThread(curator.actor, { spaceSlug: slug, kind: "DISCUSSION", title: "План групи", body: "Що вивчаємо цього місяця?" });
    await expect(getThread(mentee.actor, thread.id)).rejects.toMatchObject({ status: 404 });

    const { id } = await inviteToGroup(curator.actor, slug, mentee.id);
    await expect(inviteToGroup(curator.actor, slug, mentee.id)).rejects.toMatchObject({ status: 409, message: "errors.admissionPending" });
    expect((await listMyAdmissions(mentee.actor)).invitations).toEqual([expect.objectContaining({ id, ownerName: curator.name, invitedByName: curator.name })]);
    expect(await kinds(mentee.id)).toContain("group.invited");
    const items = await listNotifications(mentee.actor, "uk");
    expect(items.find((i) => i.kind === "group.invited")?.text).toBe(`${curator.name} запрошує вас до групи «Наставницька група»`);
    // The owner cannot accept for the invitee; nobody else learns it exists.
    await expect(decideGroupAdmission(curator.actor, id, "accept")).rejects.toMatchObject({ status: 403 });
    await expect(decideGroupAdmission(stranger.actor, id, "accept")).rejects.toMatchObject({ status: 404 });
    await expect(decideGroupAdmission(mentee.actor, id, "accept")).resolves.toEqual({ status: "ACCEPTED" });
    await expect(getThread(mentee.actor, thread.id)).resolves.toMatchObject({ title: "План групи" });
    expect((await listMyAdmissions(mentee.actor)).invitations).toEqual([]);
    expect(await kinds(curator.id)).toContain("group.invitationAccepted");
    await expect(inviteToGroup(curator.actor, slug, mentee.id)).rejects.toMatchObject({ status: 409, message: "errors.alreadyGroupMember" });
  });

  it("decides once: an accept and a decline at once — one wins, the other answers 409", async () => {
    const slug = await newGroup();
    const { id } = await inviteToGroup(world.curator.actor, slug, world.colleague.id);
    const results = await Promise.allSettled([
      decideGroupAdmission(world.colleague.actor, id, "accept"),
      decideGroupAdmission(world.colleague.actor, id, "decline"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409, message: "errors.admissionDecided" });
    const won = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ status: string }>).value.status;
    const row = await getDb().groupAdmission.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe(won);
    const isMember = (await getDb().spaceMember.count({ where: { space: { slug }, userId: world.colleague.id } })) === 1;
    expect(isMember).toBe(won === "ACCEPTED");
  });

  it("keeps one pending invitation per person per group under a race, and in the database", async () => {
    const slug = await newGroup();
    const results = await Promise.allSettled([1, 2, 3].map(() => inviteToGroup(world.curator.actor, slug, world.learner.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const space = await getDb().communitySpace.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await expect(getDb().groupAdmission.create({ data: { spaceId: space.id, userId: world.learner.id, kind: "REQUEST" } })).rejects.toThrow();
    expect(await getDb().groupAdmission.count({ where: { spaceId: space.id, status: "PENDING" } })).toBe(1);
  });
});

describe("join requests", () => {
  it("a person who sees the group asks to join; the owner declines; the requester is told and still gets 404 for its threads", async () => {
    const { curator, stranger } = world;
    const slug = await newGroup();
    const thread = await createThread(curator.actor, { spaceSlug: slug, kind: "DISCUSSION", title: "Тема для своїх", body: "Лише для учасників." });
    const listed = (await listSpaces(stranger.actor)).find((s) => s.slug === slug);
    expect(listed).toMatchObject({ readable: false, threadCount: null, ownerName: curator.name });
    const { id } = await requestToJoinGroup(stranger.actor, slug);
    await expect(requestToJoinGroup(stranger.actor, slug)).rejects.toMatchObject({ status: 409 });
    expect((await listMyAdmissions(stranger.actor)).requestedSlugs).toContain(slug);
    expect(await kinds(curator.id)).toContain("group.requested");
    expect((await getGroupMembers(curator.actor, slug)).requests).toEqual([expect.objectContaining({ id, name: stranger.name })]);
    // The requester cannot decide their own request.
    await expect(decideGroupAdmission(stranger.actor, id, "accept")).rejects.toMatchObject({ status: 403 });

    await signInAs(curator.email);
    const declined = await callRoute(admissionRoute.PUT, `/api/v1/community/admissions/${id}`, {
      method: "PUT",
      body: { decision: "decline" },
      params: { id },
    });
    expect(declined.status).toBe(200);
    const again = await callRoute(admissionRoute.PUT, `/api/v1/community/admissions/${id}`, { method: "PUT", body: { decision: "accept" }, params: { id } });
    expect(again.status).toBe(409);
    expect(await kinds(stranger.id)).toContain("group.requestDeclined");
    await expect(getThread(stranger.actor, thread.id)).rejects.toMatchObject({ status: 404 });
    await signInAs(stranger.email);
    const page = await callRoute(threadsRoute.GET, `/api/v1/community/spaces/${slug}/threads`, { method: "GET", params: { slug } });
    expect(page.status).toBe(404);
    await expect(getGroupMembers(stranger.actor, slug)).rejects.toMatchObject({ status: 404 });
    // Declined is decided: asking again is a new request.
    await expect(requestToJoinGroup(stranger.actor, slug)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("an accepted request makes a member, who is told; members cannot ask again", async () => {
    const slug = await newGroup();
    const { id } = await requestToJoinGroup(world.admin.actor, slug);
    await decideGroupAdmission(world.curator.actor, id, "accept");
    expect(await kinds(world.admin.id)).toContain("group.requestAccepted");
    expect((await listSpaces(world.admin.actor)).find((s) => s.slug === slug)).toMatchObject({ readable: true });
    await expect(requestToJoinGroup(world.admin.actor, slug)).rejects.toMatchObject({ status: 409, message: "errors.alreadyGroupMember" });
  });

  it("owner and request race: an accept and a decline at once — one wins", async () => {
    const slug = await newGroup();
    const { id } = await requestToJoinGroup(world.methodologist.actor, slug);
    const results = await Promise.allSettled([
      decideGroupAdmission(world.curator.actor, id, "decline"),
      decideGroupAdmission(world.curator.actor, id, "accept"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
  });
});

describe("leaving and removing", () => {
  it("a member leaves, the owner removes a member, the owner cannot leave; access goes at once", async () => {
    const { curator, mentee, colleague, stranger } = world;
    const slug = await newGroup();
    for (const p of [mentee, colleague]) {
      const { id } = await inviteToGroup(curator.actor, slug, p.id);
      await decideGroupAdmission(p.actor, id, "accept");
    }
    const thread = await createThread(curator.actor, { spaceSlug: slug, kind: "DISCUSSION", title: "Тема", body: "Текст теми." });
    await expect(removeGroupMember(curator.actor, slug, curator.id)).rejects.toMatchObject({ status: 409, message: "errors.ownerCannotLeave" });
    await expect(removeGroupMember(mentee.actor, slug, colleague.id)).rejects.toMatchObject({ status: 403 });
    await expect(removeGroupMember(stranger.actor, slug, mentee.id)).rejects.toMatchObject({ status: 404 });
    await removeGroupMember(mentee.actor, slug, mentee.id);
    await expect(getThread(mentee.actor, thread.id)).rejects.toMatchObject({ status: 404 });
    await removeGroupMember(curator.actor, slug, colleague.id);
    await expect(getThread(colleague.actor, thread.id)).rejects.toMatchObject({ status: 404 });
    await expect(removeGroupMember(curator.actor, slug, colleague.id)).rejects.toMatchObject({ status: 404 });
    expect((await getGroupMembers(curator.actor, slug)).members.map((m) => m.userId)).toEqual([curator.id]);
  });
});
