import "server-only";
import Papa from "papaparse";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, can, type Actor } from "@/server/authz/policy";
import type { TImportRowError } from "@/features/accounts/schemas";

export const MAX_PAIR_ROWS = 500;
export type PairInput = { curatorEmail: string; menteeEmail: string; line: number };
export type PairOutcome = { ok: true; created: number } | { ok: false; errors: TImportRowError[] };

const HEADERS: Record<string, "curator" | "mentee"> = { curator: "curator", "куратор": "curator", mentee: "mentee", "підопічний": "mentee", "підопічна": "mentee" };

/** Reads "curator, mentee" (e-mail addresses) rows; every problem is reported with its row. */
export function parsePairsCsv(csv: string): { pairs: PairInput[]; errors: TImportRowError[] } {
  const result = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADERS[h.trim().toLowerCase()] ?? h.trim().toLowerCase(),
  });
  const fields = result.meta.fields ?? [];
  const errors: TImportRowError[] = ["curator", "mentee"].filter((f) => !fields.includes(f)).map((field) => ({ row: 1, field, message: "errors.csvMissingColumn" }));
  if (errors.length) return { pairs: [], errors };
  if (result.data.length > MAX_PAIR_ROWS) return { pairs: [], errors: [{ row: 1, field: "file", message: "errors.csvTooManyRows" }] };
  const pairs = result.data.map((r, i) => ({ curatorEmail: (r.curator ?? "").trim().toLowerCase(), menteeEmail: (r.mentee ?? "").trim().toLowerCase(), line: i + 2 }));
  return { pairs, errors };
}

/**
 * Pairs mentees with curators, one or many at once, all or nothing: each row must name an active
 * curator and a learner of a region the actor manages, the learner must not have a curator yet,
 * and no curator may go over their capacity (15 unless set otherwise).
 */
export async function assignMentees(actor: Actor, pairs: PairInput[]): Promise<PairOutcome> {
  if (!can(actor, "manage:mentorships", { regionId: actor.regionId })) throw new AppError("forbidden", "errors.forbidden");
  const db = getDb();
  const emails = [...new Set(pairs.flatMap((p) => [p.curatorEmail, p.menteeEmail]))];
  const users = await db.user.findMany({
    where: { email: { in: emails } },
    select: {
      id: true, email: true, status: true, curatorCapacity: true,
      roles: { select: { role: true } },
      organization: { select: { hromada: { select: { regionId: true } } } },
      curators: { where: { endedAt: null }, select: { curatorId: true } },
      _count: { select: { mentees: { where: { endedAt: null } } } },
    },
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const errors: TImportRowError[] = [];
  const added = new Map<string, number>();
  const seenMentees = new Set<string>();
  for (const p of pairs) {
    const curator = byEmail.get(p.curatorEmail);
    const mentee = byEmail.get(p.menteeEmail);
    const error = (field: string, message: string) => errors.push({ row: p.line, field, message });
    const curatorVisible = Boolean(curator && can(actor, "manage:mentorships", { regionId: curator.organization.hromada.regionId }));
    if (!curatorVisible) error("curator", "errors.curatorUnknown");
    else if (!curator!.roles.some((r) => r.role === "CURATOR") || curator!.status !== "ACTIVE") error("curator", "errors.notACurator");
    if (!mentee || !can(actor, "manage:mentorships", { regionId: mentee.organization.hromada.regionId })) error("mentee", "errors.menteeUnknown");
    else if (curator && mentee.id === curator.id) error("mentee", "errors.menteeIsCurator");
    else if (mentee.curators.length || seenMentees.has(mentee.id)) error("mentee", "errors.menteeHasCurator");
    if (mentee) seenMentees.add(mentee.id);
    if (curator && curatorVisible) {
      const count = (added.get(curator.id) ?? 0) + 1;
      added.set(curator.id, count);
      if (curator._count.mentees + count > curator.curatorCapacity) error("curator", "errors.curatorFull");
    }
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  await db.mentorship.createMany({ data: pairs.map((p) => ({ curatorId: byEmail.get(p.curatorEmail)!.id, menteeId: byEmail.get(p.menteeEmail)!.id })) });
  return { ok: true, created: pairs.length };
}

/** Ends a mentorship: the history stays, the curator's access and open assignments go. */
export async function endMentorship(actor: Actor, mentorshipId: string, now = new Date()) {
  const row = await getDb().mentorship.findUnique({
    where: { id: mentorshipId },
    select: { endedAt: true, menteeId: true, mentee: { select: { organization: { select: { hromada: { select: { regionId: true } } } } } } },
  });
  if (!row) throw new AppError("not_found", "errors.mentorshipNotFound");
  authorize(actor, "end:mentorship", { menteeId: row.menteeId, regionId: row.mentee.organization.hromada.regionId });
  if (row.endedAt) return { ok: true as const };
  await getDb().mentorship.update({ where: { id: mentorshipId }, data: { endedAt: now } });
  return { ok: true as const };
}

export type RegionPairs = {
  curators: { id: string; name: string; email: string; organization: string; mentees: number; capacity: number }[];
  unpaired: { id: string; name: string; email: string; organization: string }[];
  pairs: { id: string; curatorName: string; menteeName: string; since: string }[];
};

/** The region's curators with their load, learners without a curator, and the current pairs. */
export async function getRegionPairs(actor: Actor, regionId: string): Promise<RegionPairs> {
  authorize(actor, "manage:mentorships", { regionId });
  const db = getDb();
  const inRegion = { organization: { hromada: { regionId } }, status: "ACTIVE" as const };
  const [curators, unpaired, pairs] = await Promise.all([
    db.user.findMany({
      where: { ...inRegion, roles: { some: { role: "CURATOR" } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, curatorCapacity: true, organization: { select: { name: true } }, _count: { select: { mentees: { where: { endedAt: null } } } } },
    }),
    db.user.findMany({
      where: { ...inRegion, roles: { some: { role: "LEARNER" }, none: { role: "CURATOR" } }, curators: { none: { endedAt: null } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, organization: { select: { name: true } } },
    }),
    db.mentorship.findMany({
      where: { endedAt: null, mentee: { organization: { hromada: { regionId } } } },
      orderBy: [{ curator: { name: "asc" } }, { mentee: { name: "asc" } }],
      select: { id: true, startedAt: true, curator: { select: { name: true } }, mentee: { select: { name: true } } },
    }),
  ]);
  return {
    curators: curators.map((c) => ({ id: c.id, name: c.name, email: c.email, organization: c.organization.name, mentees: c._count.mentees, capacity: c.curatorCapacity })),
    unpaired: unpaired.map((u) => ({ id: u.id, name: u.name, email: u.email, organization: u.organization.name })),
    pairs: pairs.map((p) => ({ id: p.id, curatorName: p.curator.name, menteeName: p.mentee.name, since: p.startedAt.toISOString() })),
  };
}

/** The learner's current curator(s), with the mentorship to end. */
export async function myCurators(actor: Actor) {
  const rows = await getDb().mentorship.findMany({
    where: { menteeId: actor.id, endedAt: null },
    select: { id: true, startedAt: true, curatorId: true, curator: { select: { name: true, position: true, email: true } } },
  });
  return rows.map((r) => ({ id: r.id, curatorId: r.curatorId, since: r.startedAt.toISOString(), name: r.curator.name, position: r.curator.position, email: r.curator.email }));
}

/** CSV pairing: who may pair is checked before the file is read. */
export async function importPairs(actor: Actor, csv: string): Promise<PairOutcome> {
  if (!can(actor, "manage:mentorships", { regionId: actor.regionId })) throw new AppError("forbidden", "errors.forbidden");
  const parsed = parsePairsCsv(csv);
  return parsed.errors.length ? { ok: false, errors: parsed.errors } : assignMentees(actor, parsed.pairs);
}
