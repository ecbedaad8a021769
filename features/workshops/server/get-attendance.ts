import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadWorkshopToManage } from "./load-workshop";
import { readRefs } from "./content-refs";

export type AttendanceSheet = {
  id: string;
  title: string;
  startsAt: string;
  cancelled: boolean;
  /** Attendance and materials are recorded once the workshop has started. */
  open: boolean;
  people: { registrationId: string; name: string; organization: string; attended: boolean | null }[];
  waitlisted: number;
  materialKeys: string[];
  linkLines: string;
};

/** The organiser's attendance sheet: the registered people (by name), their marks, and the materials so far. */
export async function getAttendanceSheet(actor: Actor, workshopId: string, now = new Date()): Promise<AttendanceSheet> {
  const { row } = await loadWorkshopToManage(actor, workshopId);
  const db = getDb();
  const [people, waitlisted] = await Promise.all([
    db.workshopRegistration.findMany({
      where: { workshopId, status: "REGISTERED" },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      select: { id: true, attended: true, user: { select: { name: true, organization: { select: { name: true } } } } },
    }),
    db.workshopRegistration.count({ where: { workshopId, status: "WAITLISTED" } }),
  ]);
  const materials = readRefs(row.materials);
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    cancelled: row.cancelledAt !== null,
    open: row.startsAt <= now && row.cancelledAt === null,
    people: people.map((p) => ({ registrationId: p.id, name: p.user.name, organization: p.user.organization.name, attended: p.attended })),
    waitlisted,
    materialKeys: materials.flatMap((m) => (m.kind === "link" ? [] : [`${m.kind}:${m.id}`])),
    linkLines: materials.flatMap((m) => (m.kind === "link" ? [`${m.url} ${m.title}`] : [])).join("\n"),
  };
}
