import "server-only";
import Papa from "papaparse";
import { getDb, Prisma } from "@/server/db/client";
import { AppError, constraintError, type MessageKey } from "@/server/errors";
import { authorize, can, type Actor } from "@/server/authz/policy";
import { recordAudit, recordAudits } from "@/server/audit/record-audit";
import type { TImportRowError } from "@/features/accounts/schemas";

export const MAX_PAIR_ROWS = 500;
export type PairInput = { curatorEmail: string; menteeEmail: string; line: number };
export type PairOutcome = { ok: true; created: number } | { ok: false; status: 409 | 422; errors: TImportRowError[] };

const HEADERS: Record<string, "curator" | "mentee"> = { curator: "curator", куратор: "curator", mentee: "mentee", підопічний: "mentee", підопічна: "mentee" };

/** Reads "curator, mentee" (e-mail addresses) rows; every problem is reported with its row. */
export function parsePairsCsv(csv: string): { pairs: PairInput[]; errors: TImportRowError[] } {
  const result = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADERS[h.trim().toLowerCase()] ?? h.trim().toLowerCase(),
  });
  const fields = result.meta.fields ?? [];
  const errors: TImportRowError[] = ["curator", "mentee"]
    .filter((f) => !fields.includes(f))
    .map((field) => ({ row: 1, field, message: "errors.csvMissingColumn" }));
  if (errors.length) return { pairs: [], errors };
  if (result.data.length > MAX_PAIR_ROWS) return { pairs: [], errors: [{ row: 1, field: "file", message: "errors.csvTooManyRows" }] };
  const pairs = result.data.map((r, i) => ({
    curatorEmail: (r.curator ?? "").trim().toLowerCase(),
    menteeEmail: (r.mentee ?? "").trim().toLowerCase(),
    line: i + 2,
  }));
  return { pairs, errors };
}

/** Who may be a mentee: an active account with the learner role (never an admin or methodologist only). */
export function isEligibleMentee(user: { status: string; roles: { role: string }[] }): boolean {
  return user.status === "ACTIVE" && user.roles.some((r) => r.role === "LEARNER");
}

/**
 * Makes concurrent pairings of the same people wait for each other until the first commits, so
 * the checks that follow read settled counts. Rows are locked in id order, so two never deadlock;
 * NO KEY UPDATE leaves other writes that merely reference these users (notifications) unblocked.
 */
export async function lockUsers(tx: Prisma.TransactionClient, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" IN (${Prisma.join(unique)}) ORDER BY "id" FOR NO KEY UPDATE`;
}

type PairRow = { line: number; curatorId: string; menteeId: string };

/**
 * What stands in the way of the pairs now (run after lockUsers, inside the same transaction): a
 * mentee who has meanwhile got a curator or stopped being an active learner, a curator who would
 * go over capacity.
 */
type PairingConflict = TImportRowError & { message: MessageKey };

export async function findPairingConflicts(tx: Prisma.TransactionClient, rows: PairRow[]): Promise<PairingConflict[]> {
  const mentees = await tx.user.findMany({
    where: { id: { in: rows.map((r) => r.menteeId) } },
    select: { id: true, status: true, roles: { select: { role: true } }, curators: { where: { endedAt: null }, select: { id: true } } },
  });
  const curators = await tx.user.findMany({
    where: { id: { in: rows.map((r) => r.curatorId) } },
    select: { id: true, curatorCapacity: true, _count: { select: { mentees: { where: { endedAt: null } } } } },
  });
  const menteeById = new Map(mentees.map((m) => [m.id, m]));
  const curatorById = new Map(curators.map((c) => [c.id, c]));
  const added = new Map<string, number>();
  const errors: PairingConflict[] = [];
  for (const r of rows) {
    const mentee = menteeById.get(r.menteeId);
    if (!mentee || !isEligibleMentee(mentee)) errors.push({ row: r.line, field: "mentee", message: "errors.menteeNotALearner" });
    else if (mentee.curators.length) errors.push({ row: r.line, field: "mentee", message: "errors.menteeHasCurator" });
    const curator = curatorById.get(r.curatorId);
    const count = (added.get(r.curatorId) ?? 0) + 1;
    added.set(r.curatorId, count);
    if (!curator || curator._count.mentees + count > curator.curatorCapacity) errors.push({ row: r.line, field: "curator", message: "errors.curatorFull" });
  }
  return errors;
}

/**
 * Pairs mentees with curators, one or many at once, all or nothing: each row must name an active
 * curator and an active learner of a region the actor manages (422 lists the rows that do not).
 * Then, with the people locked, the learner must not have a curator and no curator may go over
 * their capacity (15 unless set otherwise); a row that fails only that answers 409, as a second
 * pairing racing the first does. The partial unique index on current mentorships backs it up.
 */
export async function assignMentees(actor: Actor, pairs: PairInput[]): Promise<PairOutcome> {
  if (!can(actor, "manage:mentorships", { regionId: actor.regionId })) throw new AppError("forbidden", "errors.forbidden");
  const db = getDb();
  const emails = [...new Set(pairs.flatMap((p) => [p.curatorEmail, p.menteeEmail]))];
  const users = await db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, status: true, roles: { select: { role: true } }, organization: { select: { hromada: { select: { regionId: true } } } } },
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const errors: TImportRowError[] = [];
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
    else if (!isEligibleMentee(mentee)) error("mentee", "errors.menteeNotALearner");
    else if (seenMentees.has(mentee.id)) error("mentee", "errors.menteeHasCurator");
    if (mentee) seenMentees.add(mentee.id);
  }
  if (errors.length) return { ok: false, status: 422, errors: errors.sort((a, b) => a.row - b.row) };
  const rows = pairs.map((p) => ({ line: p.line, curatorId: byEmail.get(p.curatorEmail)!.id, menteeId: byEmail.get(p.menteeEmail)!.id }));
  const regionOf = new Map(users.map((u) => [u.id, u.organization.hromada.regionId]));
  try {
    return await db.$transaction(async (tx): Promise<PairOutcome> => {
      await lockUsers(
        tx,
        rows.flatMap((r) => [r.curatorId, r.menteeId]),
      );
      const conflicts = await findPairingConflicts(tx, rows);
      if (conflicts.length) return { ok: false, status: 409, errors: conflicts };
      const created = await tx.mentorship.createManyAndReturn({
        data: rows.map(({ curatorId, menteeId }) => ({ curatorId, menteeId })),
        select: { id: true, curatorId: true, menteeId: true },
      });
      await recordAudits(
        tx,
        created.map((m) => ({
          actorId: actor.id,
          action: "mentorship.started" as const,
          targetType: "Mentorship",
          targetId: m.id,
          regionId: regionOf.get(m.menteeId) ?? null,
          detail: { curatorId: m.curatorId, menteeId: m.menteeId, via: "pairing" },
        })),
      );
      return { ok: true, created: rows.length };
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}

/** Ends a mentorship: the history stays, the curator's access and open assignments go. */
export async function endMentorship(actor: Actor, mentorshipId: string, now = new Date()) {
  const row = await getDb().mentorship.findUnique({
    where: { id: mentorshipId },
    select: {
      endedAt: true,
      curatorId: true,
      menteeId: true,
      mentee: { select: { organization: { select: { hromada: { select: { regionId: true } } } } } },
    },
  });
  if (!row) throw new AppError("not_found", "errors.mentorshipNotFound");
  authorize(actor, "end:mentorship", { menteeId: row.menteeId, regionId: row.mentee.organization.hromada.regionId });
  // Ending twice (two tabs, a replay) keeps the first end, and the audit trail records it once.
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.mentorship.updateMany({ where: { id: mentorshipId, endedAt: null }, data: { endedAt: now } });
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "mentorship.ended",
      targetType: "Mentorship",
      targetId: mentorshipId,
      regionId: row.mentee.organization.hromada.regionId,
      detail: { curatorId: row.curatorId, menteeId: row.menteeId },
    });
  });
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
      select: {
        id: true,
        name: true,
        email: true,
        curatorCapacity: true,
        organization: { select: { name: true } },
        _count: { select: { mentees: { where: { endedAt: null } } } },
      },
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
    curators: curators.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      organization: c.organization.name,
      mentees: c._count.mentees,
      capacity: c.curatorCapacity,
    })),
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
  return rows.map((r) => ({
    id: r.id,
    curatorId: r.curatorId,
    since: r.startedAt.toISOString(),
    name: r.curator.name,
    position: r.curator.position,
    email: r.curator.email,
  }));
}

/** CSV pairing: who may pair is checked before the file is read. */
export async function importPairs(actor: Actor, csv: string): Promise<PairOutcome> {
  if (!can(actor, "manage:mentorships", { regionId: actor.regionId })) throw new AppError("forbidden", "errors.forbidden");
  const parsed = parsePairsCsv(csv);
  return parsed.errors.length ? { ok: false, status: 422, errors: parsed.errors } : assignMentees(actor, parsed.pairs);
}
