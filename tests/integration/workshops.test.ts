import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Role } from "../../server/db/client";
import { constraintError } from "../../server/errors";
import type { Actor } from "../../server/authz/policy";
import { createPerson, createPlace, type TestPlace } from "../factories/people";
import { createWorkshop } from "../factories/workshops";
import { callRoute, signInAs } from "../helpers/api";
import { announceWorkshop } from "../../features/workshops/server/announce-workshop";
import { updateWorkshop } from "../../features/workshops/server/update-workshop";
import { cancelWorkshop } from "../../features/workshops/server/cancel-workshop";
import { registerForWorkshop } from "../../features/workshops/server/register";
import { cancelRegistration } from "../../features/workshops/server/cancel-registration";
import { recordAttendance, setWorkshopMaterials } from "../../features/workshops/server/record-attendance";
import { getWorkshop, getWorkshopForEdit } from "../../features/workshops/server/get-workshop";
import { getAttendanceSheet } from "../../features/workshops/server/get-attendance";
import { getNextWorkshop, listAttendedWorkshops, listWorkshops } from "../../features/workshops/server/list-workshops";
import { remindWorkshopsTomorrow } from "../../features/workshops/server/remind-tomorrow";
import { listNotifications } from "../../features/notifications/server/centre";
import { kyivLocalToInstant, toKyivLocal } from "../../features/workshops/kyiv-time";
import type { TWorkshopWrite } from "../../features/workshops/schemas";
import { addDays, kyivDay } from "../../lib/kyiv-calendar";
import * as announceRoute from "../../app/api/v1/workshops/route";
import * as registerRoute from "../../app/api/v1/workshops/[id]/registration/route";
import * as icsRoute from "../../app/api/v1/workshops/[id]/ics/route";
import * as attendanceRoute from "../../app/api/v1/workshops/[id]/attendance/route";

/**
 * Methodological workshops (decision 030): announcing, the audience rules, seats and the waiting
 * list kept by the database under races, reminders once, the calendar file, attendance and the
 * progress page. Every test makes its own workshops in this file's own regions.
 */

type Person = Actor & { email: string; name: string };
async function person(place: TestPlace, roles: Role[]): Promise<Person> {
  const p = await createPerson(getDb(), { organizationId: place.organizationId, roles, password: "workshops-test-2026" });
  return { id: p.id, email: p.email, name: p.name, roles, organizationId: place.organizationId, hromadaId: place.hromadaId, regionId: place.regionId };
}

/** A second hromada (with a centre) in a test region. */
async function secondHromada(place: TestPlace): Promise<TestPlace> {
  const db = getDb();
  const hromada = await db.hromada.create({
    data: { regionId: place.regionId, nameUk: `Друга громада ${place.hromadaId}`, nameEn: `Second hromada ${place.hromadaId}` },
  });
  const organization = await db.organization.create({ data: { hromadaId: hromada.id, name: `Центр ${hromada.id}`, kind: "SOCIAL_SERVICES_CENTRE" } });
  return { ...place, hromadaId: hromada.id, hromadaName: hromada.nameUk, organizationId: organization.id, organizationName: organization.name };
}

const inDays = (days: number, time = "10:00") => `${addDays(kyivDay(new Date()), days)}T${time}`;

function input(over: Partial<TWorkshopWrite> = {}): TWorkshopWrite {
  return {
    title: "Літній клієнт і Дія: вхід та запис до ЦНАП",
    description: "Практичний семінар: вхід у Дію, Дія.Підпис, електронна черга ЦНАП.",
    onlineUrl: undefined,
    place: "Полтава, обласний центр, зала засідань",
    startsAt: inDays(10, "10:00"),
    endsAt: inDays(10, "11:30"),
    capacity: 20,
    audience: "REGION",
    regionId: undefined,
    hromadaIds: [],
    readings: ["lesson:diia-for-clients", "walkthrough:diia-sign-in"],
    ...over,
  };
}

let here: TestPlace;
let there: TestPlace;
let otherHromada: TestPlace;
let methodologist: Person;
let otherMethodologist: Person;
let admin: Person;
let learner: Person;
let curator: Person;
let stranger: Person;

beforeAll(async () => {
  const db = getDb();
  here = await createPlace(db);
  there = await createPlace(db);
  otherHromada = await secondHromada(here);
  methodologist = await person(here, ["METHODOLOGIST"]);
  otherMethodologist = await person(there, ["METHODOLOGIST"]);
  admin = await person(there, ["ADMIN"]);
  learner = await person(here, ["LEARNER"]);
  curator = await person(here, ["CURATOR", "LEARNER"]);
  stranger = await person(there, ["LEARNER"]);
});

/** People made one after another: only the races under test run side by side. */
async function learners(n: number, place = here): Promise<Person[]> {
  const made: Person[] = [];
  for (let i = 0; i < n; i++) made.push(await person(place, ["LEARNER"]));
  return made;
}
const statusOf = (rows: { status: string }[], status: string) => rows.filter((r) => r.status === status).length;

describe("announcing a workshop", () => {
  it("lets a methodologist announce for their region, in Kyiv time, with readings that exist", async () => {
    const { id } = await announceWorkshop(methodologist, input({ startsAt: inDays(12, "10:00"), endsAt: inDays(12, "11:30") }));
    const row = await getDb().workshop.findUniqueOrThrow({ where: { id } });
    expect(row.regionId).toBe(here.regionId);
    expect(row.startsAt.toISOString()).toBe(kyivLocalToInstant(inDays(12, "10:00"))!.toISOString());
    expect(toKyivLocal(row.startsAt)).toBe(inDays(12, "10:00"));
    expect(row.readings).toEqual([
      { kind: "lesson", id: "diia-for-clients" },
      { kind: "walkthrough", id: "diia-sign-in" },
    ]);
    const edit = await getWorkshopForEdit(methodologist, id);
    expect(edit.startsAt).toBe(inDays(12, "10:00"));
  });

  it("refuses another region, a learner, unknown content, a past start, no place or link, an end before the start, and http links", async () => {
    await expect(announceWorkshop(methodologist, input({ regionId: there.regionId }))).rejects.toMatchObject({ status: 403 });
    await expect(announceWorkshop(learner, input())).rejects.toMatchObject({ status: 403 });
    await expect(announceWorkshop(methodologist, input({ readings: ["lesson:no-such-lesson"] }))).rejects.toMatchObject({
      status: 422,
      message: "errors.workshopContentUnknown",
    });
    await expect(announceWorkshop(methodologist, input({ startsAt: inDays(-1), endsAt: inDays(-1, "11:00") }))).rejects.toMatchObject({
      message: "errors.workshopInPast",
    });
    await expect(announceWorkshop(methodologist, input({ place: undefined }))).rejects.toMatchObject({ message: "errors.workshopWhereRequired" });
    await expect(announceWorkshop(methodologist, input({ endsAt: inDays(10, "09:00") }))).rejects.toMatchObject({ message: "errors.workshopEndBeforeStart" });
    await expect(announceWorkshop(methodologist, input({ audience: "HROMADAS", hromadaIds: [there.hromadaId] }))).rejects.toMatchObject({
      message: "errors.workshopHromadaUnknown",
    });

    await signInAs(methodologist.email);
    const http = await callRoute(announceRoute.POST, "/api/v1/workshops", { body: { ...input(), onlineUrl: "http://meet.example.org/x" } });
    expect(http.status).toBe(400);
    expect(http.json.error?.fields?.onlineUrl?.[0]).toMatch(/https/);
  });

  it("lets an admin announce a national workshop and takes a plain form post", async () => {
    const { id } = await announceWorkshop(admin, input({ regionId: undefined, audience: "CURATORS" }));
    expect((await getDb().workshop.findUniqueOrThrow({ where: { id } })).regionId).toBeNull();
    await expect(announceWorkshop(admin, input({ audience: "HROMADAS", hromadaIds: [here.hromadaId] }))).rejects.toMatchObject({
      message: "errors.workshopHromadasNeedRegion",
    });

    await signInAs(methodologist.email);
    const form = new URLSearchParams({
      title: "Форма без JavaScript",
      description: "Опис",
      onlineUrl: "https://meet.example.org/abc",
      place: "",
      startsAt: inDays(9, "14:00"),
      endsAt: inDays(9, "15:00"),
      capacity: "12",
      audience: "HROMADAS",
      regionId: "",
      next: "/workshops?announced=1",
    });
    form.append("hromadaIds", here.hromadaId);
    form.append("readings", "lesson:cnap-online-application");
    const answer = await callRoute(announceRoute.POST, "/api/v1/workshops", {
      rawBody: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/workshops?announced=1");
    const made = await getDb().workshop.findFirstOrThrow({
      where: { title: "Форма без JavaScript", createdById: methodologist.id },
      include: { hromadas: true },
    });
    expect(made.capacity).toBe(12);
    expect(made.place).toBeNull();
    expect(made.hromadas.map((h) => h.hromadaId)).toEqual([here.hromadaId]);
  });
});

describe("who sees a workshop", () => {
  it("shows a region's workshop to its people, answers 404 to another region, and keeps hromada and curator audiences", async () => {
    const all = await announceWorkshop(methodologist, input({ title: "Для всієї області" }));
    const hromadaOnly = await announceWorkshop(
      methodologist,
      input({ title: "Для другої громади", audience: "HROMADAS", hromadaIds: [otherHromada.hromadaId] }),
    );
    const curatorsOnly = await announceWorkshop(methodologist, input({ title: "Для кураторів", audience: "CURATORS" }));

    expect((await getWorkshop(learner, all.id, "uk")).canRegister).toBe(true);
    await expect(getWorkshop(stranger, all.id, "uk")).rejects.toMatchObject({ status: 404, message: "errors.workshopNotFound" });
    await expect(getWorkshop(otherMethodologist, all.id, "uk")).rejects.toMatchObject({ status: 404 });
    await expect(getWorkshop(learner, hromadaOnly.id, "uk")).rejects.toMatchObject({ status: 404 });
    await expect(getWorkshop(learner, curatorsOnly.id, "uk")).rejects.toMatchObject({ status: 404 });
    expect((await getWorkshop(curator, curatorsOnly.id, "uk")).canRegister).toBe(true);
    const colleague = await person(otherHromada, ["LEARNER"]);
    expect((await getWorkshop(colleague, hromadaOnly.id, "uk")).canRegister).toBe(true);
    // The organisers see everything of their region; a learner's unknown id and a hidden one answer alike.
    expect((await getWorkshop(methodologist, curatorsOnly.id, "uk")).canManage).toBe(true);
    expect((await getWorkshop(admin, hromadaOnly.id, "uk")).canManage).toBe(true);
    await expect(getWorkshop(learner, "cnotaworkshop0000000000000", "uk")).rejects.toMatchObject({ status: 404 });

    const lists = await listWorkshops(learner, "uk");
    const titles = lists.upcoming.map((w) => w.title);
    expect(titles).toContain("Для всієї області");
    expect(titles).not.toContain("Для другої громади");
    expect(titles).not.toContain("Для кураторів");
    expect((await listWorkshops(stranger, "uk")).upcoming.map((w) => w.id)).not.toContain(all.id);

    await signInAs(stranger.email);
    expect((await callRoute(registerRoute.POST, "/x", { params: { id: all.id } })).status).toBe(404);
    expect((await callRoute(icsRoute.GET, "/x", { method: "GET", params: { id: all.id } })).status).toBe(404);
  });

  it("lets only the organisers manage: a learner of the audience gets 403, another region's methodologist 404", async () => {
    const w = await announceWorkshop(methodologist, input());
    await expect(updateWorkshop(learner, w.id, input({ title: "Змінено учнем" }))).rejects.toMatchObject({ status: 403 });
    await expect(getAttendanceSheet(learner, w.id)).rejects.toMatchObject({ status: 403 });
    await expect(cancelWorkshop(otherMethodologist, w.id)).rejects.toMatchObject({ status: 404 });
    await expect(registerForWorkshop(admin, w.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe("seats and the waiting list", () => {
  it("gives 3 seats to exactly 3 of 10 people registering at once; 7 wait (Promise.all)", async () => {
    const w = await announceWorkshop(methodologist, input({ capacity: 3 }));
    const people = await learners(10);
    const answers = await Promise.all(people.map((p) => registerForWorkshop(p, w.id)));
    expect(statusOf(answers, "REGISTERED")).toBe(3);
    expect(statusOf(answers, "WAITLISTED")).toBe(7);
    const rows = await getDb().workshopRegistration.findMany({ where: { workshopId: w.id } });
    expect(statusOf(rows, "REGISTERED")).toBe(3);
    expect(statusOf(rows, "WAITLISTED")).toBe(7);
  });

  it("keeps one active registration per person when the same person registers twice at once", async () => {
    const w = await announceWorkshop(methodologist, input({ capacity: 5 }));
    const [p] = await learners(1);
    const answers = await Promise.all([registerForWorkshop(p!, w.id), registerForWorkshop(p!, w.id), registerForWorkshop(p!, w.id)]);
    expect(answers.every((a) => a.status === "REGISTERED")).toBe(true);
    expect(answers.filter((a) => a.changed)).toHaveLength(1);
    expect(await getDb().workshopRegistration.count({ where: { workshopId: w.id, userId: p!.id } })).toBe(1);
  });

  it("promotes the first person waiting when someone cancels, in the same transaction, and tells them", async () => {
    const w = await announceWorkshop(methodologist, input({ capacity: 2 }));
    const [a, b, c, d] = await learners(4);
    for (const p of [a!, b!, c!, d!]) await registerForWorkshop(p, w.id);
    expect((await getWorkshop(d!, w.id, "uk")).mine).toEqual({ status: "WAITLISTED", attended: null, queuePosition: 2 });
    expect(await cancelRegistration(a!, w.id)).toEqual({ status: "CANCELLED" });
    expect((await getWorkshop(c!, w.id, "uk")).mine?.status).toBe("REGISTERED");
    expect((await getWorkshop(d!, w.id, "uk")).mine?.queuePosition).toBe(1);
    const told = await listNotifications(c!, "uk");
    expect(told[0]).toMatchObject({ kind: "workshop.promoted", href: `/workshops/${w.id}` });
    expect(told[0]!.text).toContain("Звільнилося місце");
    // Cancelling again holds nothing; registering again after cancelling joins the end of the line.
    expect(await cancelRegistration(a!, w.id)).toEqual({ status: "NONE" });
    expect((await registerForWorkshop(a!, w.id)).status).toBe("WAITLISTED");
  });

  it("never goes over capacity when cancellations and registrations race (Promise.all)", async () => {
    const w = await announceWorkshop(methodologist, input({ capacity: 3 }));
    const seated = await learners(3);
    const waiting = await learners(2);
    // Distinct request times, so the waiting list's order is the order of asking.
    const start = Date.now();
    for (const [i, p] of [...seated, ...waiting].entries()) await registerForWorkshop(p, w.id, new Date(start + i));
    const newcomers = await learners(4);
    await Promise.all([
      cancelRegistration(seated[0]!, w.id),
      cancelRegistration(seated[1]!, w.id),
      ...newcomers.map((p) => registerForWorkshop(p, w.id)),
      cancelRegistration(waiting[1]!, w.id),
    ]);
    const rows = await getDb().workshopRegistration.findMany({ where: { workshopId: w.id } });
    expect(statusOf(rows, "REGISTERED")).toBe(3);
    expect(statusOf(rows, "CANCELLED")).toBe(3);
    // The first person waiting got a seat before any newcomer could pass them.
    expect(rows.find((r) => r.userId === waiting[0]!.id)?.status).toBe("REGISTERED");
    expect(statusOf(rows, "REGISTERED") + statusOf(rows, "WAITLISTED")).toBe(6);
  });

  it("has the database refuse a seat past the capacity and a second active registration, whatever writes them", async () => {
    const db = getDb();
    const [a, b] = await learners(2);
    const w = await createWorkshop(db, {
      createdById: methodologist.id,
      regionId: here.regionId,
      startsAt: new Date(Date.now() + 86_400_000),
      capacity: 1,
      registrantIds: [a!.id],
    });
    const full = await db.workshopRegistration.create({ data: { workshopId: w.id, userId: b!.id, status: "REGISTERED" } }).catch((e: unknown) => e);
    expect(constraintError(full)).toMatchObject({ status: 422 });
    const twice = await db.workshopRegistration.create({ data: { workshopId: w.id, userId: a!.id, status: "WAITLISTED" } }).catch((e: unknown) => e);
    expect(constraintError(twice)).toMatchObject({ status: 409, message: "errors.workshopAlreadyRegistered" });
    const waiting = await db.workshopRegistration.create({ data: { workshopId: w.id, userId: b!.id, status: "WAITLISTED" } });
    await expect(db.workshopRegistration.update({ where: { id: waiting.id }, data: { status: "REGISTERED" } })).rejects.toThrow();
  });

  it("gives new seats to the waiting list when the capacity grows, refuses shrinking below those registered, and tells of a new time", async () => {
    const w = await announceWorkshop(methodologist, input({ capacity: 1 }));
    const [a, b, c] = await learners(3);
    for (const p of [a!, b!, c!]) await registerForWorkshop(p, w.id);
    await expect(updateWorkshop(methodologist, w.id, input({ capacity: 1, startsAt: inDays(11, "10:00"), endsAt: inDays(11, "11:00") }))).resolves.toEqual({
      id: w.id,
    });
    expect((await listNotifications(a!, "uk"))[0]).toMatchObject({ kind: "workshop.changed" });
    await updateWorkshop(methodologist, w.id, input({ capacity: 2, startsAt: inDays(11, "10:00"), endsAt: inDays(11, "11:00") }));
    expect((await getWorkshop(b!, w.id, "uk")).mine?.status).toBe("REGISTERED");
    expect((await listNotifications(b!, "uk"))[0]).toMatchObject({ kind: "workshop.promoted" });
    await expect(updateWorkshop(methodologist, w.id, input({ capacity: 1 }))).rejects.toMatchObject({
      status: 409,
      message: "errors.workshopCapacityBelowRegistered",
    });
    expect((await getDb().workshop.findUniqueOrThrow({ where: { id: w.id } })).sequence).toBe(2);
  });

  it("cancels a workshop once, telling everyone holding a place, and closes registration", async () => {
    const w = await announceWorkshop(methodologist, input({ capacity: 1 }));
    const [a, b] = await learners(2);
    await registerForWorkshop(a!, w.id);
    await registerForWorkshop(b!, w.id);
    const both = await Promise.allSettled([cancelWorkshop(methodologist, w.id), cancelWorkshop(methodologist, w.id)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const p of [a!, b!]) expect((await listNotifications(p, "uk")).filter((n) => n.kind === "workshop.cancelled")).toHaveLength(1);
    const [c] = await learners(1);
    await expect(registerForWorkshop(c!, w.id)).rejects.toMatchObject({ status: 409, message: "errors.workshopCancelled" });
  });
});

describe("the day-before reminder", () => {
  it("reminds each registered person of tomorrow's workshop once, even with runs racing, and never those waiting", async () => {
    const db = getDb();
    const now = new Date();
    const tomorrowNoon = kyivLocalToInstant(`${addDays(kyivDay(now), 1)}T12:00`)!;
    const [a, b, c] = await learners(3);
    const w = await createWorkshop(db, {
      createdById: methodologist.id,
      regionId: here.regionId,
      startsAt: tomorrowNoon,
      capacity: 2,
      registrantIds: [a!.id, b!.id, c!.id],
    });
    const later = await createWorkshop(db, {
      createdById: methodologist.id,
      regionId: here.regionId,
      startsAt: new Date(tomorrowNoon.getTime() + 2 * 86_400_000),
      registrantIds: [a!.id],
    });
    await Promise.all([remindWorkshopsTomorrow(now), remindWorkshopsTomorrow(now), remindWorkshopsTomorrow(now)]);
    await remindWorkshopsTomorrow(now);
    const reminders = await db.notification.findMany({ where: { kind: "workshop.reminder", userId: { in: [a!.id, b!.id, c!.id] } } });
    expect(reminders.map((r) => r.userId).sort()).toEqual([a!.id, b!.id].sort());
    expect(reminders.every((r) => r.href === `/workshops/${w.id}`)).toBe(true);
    expect(reminders.some((r) => r.href.endsWith(later.id))).toBe(false);
    const text = (await listNotifications(a!, "en")).find((n) => n.kind === "workshop.reminder")!.text;
    expect(text).toMatch(/^Tomorrow: the workshop “.+”, \d+ \w+ at 12:00$|^Tomorrow: the workshop “.+”, \d+ \w+, 12:00$/);
  });
});

describe("the calendar file", () => {
  it("answers text/calendar with a filename, a stable UID, UTC times and the place", async () => {
    const w = await announceWorkshop(methodologist, input({ title: "Дія, ЦНАП; черга", onlineUrl: "https://meet.example.org/abc" }));
    await signInAs(learner.email);
    const answer = await callRoute(icsRoute.GET, "/x", { method: "GET", params: { id: w.id } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="workshop-\d{4}-\d{2}-\d{2}-[a-z0-9]+\.ics"/);
    const text = String(answer.json);
    const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(lines).toContain(`UID:workshop-${w.id}@skhodynky`);
    expect(lines).toContain(`DTSTART:${kyivLocalToInstant(inDays(10, "10:00"))!.toISOString().replace(/[-:]/g, "").replace(".000", "")}`);
    expect(lines).toContain("SUMMARY:Дія\\, ЦНАП\\; черга");
    expect(lines).toContain("LOCATION:Полтава\\, обласний центр\\, зала засідань");
    expect(lines).toContain("URL:https://meet.example.org/abc");
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toContain("diia-for-clients");
  });
});

describe("after the workshop", () => {
  it("lets the organiser mark attendance only after the start, and shows attended workshops on the learner's progress", async () => {
    const w = await announceWorkshop(methodologist, input());
    const [a, b] = await learners(2);
    await registerForWorkshop(a!, w.id);
    await registerForWorkshop(b!, w.id);
    const ids = (await getAttendanceSheet(methodologist, w.id)).people.map((p) => p.registrationId);
    await expect(recordAttendance(methodologist, w.id, ids)).rejects.toMatchObject({ status: 409, message: "errors.workshopNotYet" });

    const after = kyivLocalToInstant(inDays(10, "12:00"))!;
    const regA = (await getDb().workshopRegistration.findFirstOrThrow({ where: { workshopId: w.id, userId: a!.id } })).id;
    await expect(recordAttendance(methodologist, w.id, [regA, "cnotareg"], after)).rejects.toMatchObject({ status: 422 });
    await expect(recordAttendance(learner, w.id, [regA], after)).rejects.toMatchObject({ status: 403 });
    expect(await recordAttendance(methodologist, w.id, [regA], after)).toEqual({ attended: 1, absent: 1 });
    expect(await setWorkshopMaterials(methodologist, w.id, { content: ["walkthrough:diia-sign-in"], links: "https://diia.gov.ua Портал Дія" }, after)).toEqual({
      materials: 2,
    });
    await expect(setWorkshopMaterials(methodologist, w.id, { content: [], links: "http://insecure.example.org" }, after)).rejects.toMatchObject({
      status: 422,
    });

    expect(await listAttendedWorkshops(a!)).toEqual([expect.objectContaining({ id: w.id, materials: 2 })]);
    expect(await listAttendedWorkshops(b!)).toEqual([]);
    const shown = await getWorkshop(a!, w.id, "uk", after);
    expect(shown.mine).toMatchObject({ status: "REGISTERED", attended: true });
    expect(shown.materials.map((m) => m.href)).toEqual(["/walkthroughs/diia-sign-in", "https://diia.gov.ua"]);
  });

  it("takes attendance as a form post with checkboxes (none ticked means nobody came)", async () => {
    const [a] = await learners(1);
    const w = await createWorkshop(getDb(), {
      createdById: methodologist.id,
      regionId: here.regionId,
      startsAt: new Date(Date.now() - 3_600_000),
      registrantIds: [a!.id],
    });
    await signInAs(methodologist.email);
    const form = {
      rawBody: new URLSearchParams({ attended: w.registrationIds[0]!, next: "/done" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    };
    expect((await callRoute(attendanceRoute.POST, "/x", { ...form, params: { id: w.id } })).status).toBe(303);
    expect((await listAttendedWorkshops(a!)).map((x) => x.id)).toEqual([w.id]);
    const none = { rawBody: "next=%2Fdone", headers: { "content-type": "application/x-www-form-urlencoded" } };
    expect((await callRoute(attendanceRoute.POST, "/x", { ...none, params: { id: w.id } })).status).toBe(303);
    expect(await listAttendedWorkshops(a!)).toEqual([]);
  });

  it("puts the next workshop within 7 days on Today, one the person holds a place at first", async () => {
    const place = await createPlace(getDb());
    const organiser = await person(place, ["METHODOLOGIST"]);
    const [a] = await learners(1, place);
    expect(await getNextWorkshop(a!, "uk")).toBeNull();
    const first = await announceWorkshop(organiser, input({ title: "Перший", startsAt: inDays(2), endsAt: inDays(2, "11:00") }));
    const second = await announceWorkshop(organiser, input({ title: "Другий", startsAt: inDays(3), endsAt: inDays(3, "11:00") }));
    await announceWorkshop(organiser, input({ title: "Задалеко", startsAt: inDays(9), endsAt: inDays(9, "11:00") }));
    expect((await getNextWorkshop(a!, "uk"))?.id).toBe(first.id);
    await registerForWorkshop(a!, second.id);
    expect(await getNextWorkshop(a!, "uk")).toMatchObject({ id: second.id, myStatus: "REGISTERED" });
  });
});
