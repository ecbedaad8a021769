import "server-only";
import { getDb, type Role } from "@/server/db/client";
import { authorize, invitationsWhere, organizationsWhere, regionsWhere, usersWhere, type Actor } from "@/server/authz/policy";

/** Erased accounts (decision 051) are tombstones, not people: no list or count of people shows them. */
const NOT_ERASED = { status: { not: "ERASED" as const } };

export type AdminOverview = { users: number; pendingInvitations: number; regionName: { uk: string; en: string } | null };

export async function getAdminOverview(actor: Actor): Promise<AdminOverview> {
  authorize(actor, "read:admin-area");
  const db = getDb();
  const [users, pendingInvitations, region] = await Promise.all([
    db.user.count({ where: { AND: [usersWhere(actor), NOT_ERASED] } }),
    db.invitation.count({ where: { AND: [invitationsWhere(actor), { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }] } }),
    actor.roles.includes("ADMIN") ? null : db.region.findUnique({ where: { id: actor.regionId }, select: { nameUk: true, nameEn: true } }),
  ]);
  return { users, pendingInvitations, regionName: region ? { uk: region.nameUk, en: region.nameEn } : null };
}

export type UserRow = {
  id: string;
  name: string;
  email: string;
  organization: string;
  regionId: string;
  roles: Role[];
  status: "ACTIVE" | "DISABLED";
  locked: boolean;
  isSelf: boolean;
  /** Whether the person has a second factor (an admin can reset it for someone who lost it). */
  hasSecondFactor: boolean;
};

export const USERS_PAGE_SIZE = 50;

/**
 * One page of the people the actor may see, by name (then id, so pages never overlap), matching
 * `query` in the name or email. A page past the last answers the last; anything but a whole number
 * from 1 answers the first.
 */
export async function findUsers(
  actor: Actor,
  query: string,
  requestedPage: number = 1,
): Promise<{ rows: UserRow[]; total: number; page: number; pageCount: number }> {
  authorize(actor, "read:users");
  const q = query.trim().slice(0, 100);
  const where = {
    AND: [
      usersWhere(actor),
      NOT_ERASED,
      // Case-insensitive "contains" is ILIKE '%q%': the trigram indexes on name and email serve it.
      q ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q, mode: "insensitive" as const } }] } : {},
    ],
  };
  const db = getDb();
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Number.isSafeInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, pageCount) : 1;
  const [rows] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        status: true,
        lockedAt: true,
        organization: { select: { name: true, hromada: { select: { regionId: true } } } },
        roles: { select: { role: true } },
        _count: { select: { secondFactors: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount,
    rows: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      organization: u.organization.name,
      regionId: u.organization.hromada.regionId,
      roles: u.roles.map((r) => r.role),
      // Never ERASED: the query leaves tombstones out.
      status: u.status === "DISABLED" ? ("DISABLED" as const) : ("ACTIVE" as const),
      locked: Boolean(u.lockedAt),
      isSelf: u.id === actor.id,
      hasSecondFactor: u._count.secondFactors > 0,
    })),
  };
}

export type PendingInvitationRow = { id: string; email: string; name: string; organization: string; roles: Role[]; expiresAt: string };

export async function findPendingInvitations(actor: Actor): Promise<PendingInvitationRow[]> {
  authorize(actor, "read:users");
  const rows = await getDb().invitation.findMany({
    where: { AND: [invitationsWhere(actor), { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }] },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, email: true, name: true, roles: true, expiresAt: true, organization: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, organization: r.organization.name, expiresAt: r.expiresAt.toISOString() }));
}

export type OrganizationOption = { id: string; label: string };

export async function listOrganizationOptions(actor: Actor, locale: "uk" | "en"): Promise<OrganizationOption[]> {
  authorize(actor, "read:directory");
  const rows = await getDb().organization.findMany({
    where: organizationsWhere(actor),
    orderBy: { name: "asc" },
    select: { id: true, name: true, hromada: { select: { nameUk: true, nameEn: true } } },
  });
  return rows.map((o) => ({ id: o.id, label: `${o.name} (${locale === "en" ? o.hromada.nameEn : o.hromada.nameUk})` }));
}

export type DirectoryRegion = {
  id: string;
  name: string;
  hromadas: { id: string; name: string; organizations: { id: string; name: string; kind: string; people: number; reassessEveryDays: number }[] }[];
};

export async function getDirectory(actor: Actor, locale: "uk" | "en"): Promise<DirectoryRegion[]> {
  authorize(actor, "read:directory");
  const regions = await getDb().region.findMany({
    where: regionsWhere(actor),
    orderBy: { nameUk: "asc" },
    select: {
      id: true,
      nameUk: true,
      nameEn: true,
      hromadas: {
        orderBy: { nameUk: "asc" },
        select: {
          id: true,
          nameUk: true,
          nameEn: true,
          organizations: {
            orderBy: { name: "asc" },
            select: { id: true, name: true, kind: true, reassessEveryDays: true, _count: { select: { users: { where: NOT_ERASED } } } },
          },
        },
      },
    },
  });
  return regions.map((r) => ({
    id: r.id,
    name: locale === "en" ? r.nameEn : r.nameUk,
    hromadas: r.hromadas.map((h) => ({
      id: h.id,
      name: locale === "en" ? h.nameEn : h.nameUk,
      organizations: h.organizations.map((o) => ({ id: o.id, name: o.name, kind: o.kind, people: o._count.users, reassessEveryDays: o.reassessEveryDays })),
    })),
  }));
}

export type OutboxRow = { id: string; to: string; subject: string; text: string; createdAt: Date };

export async function listOutbox(actor: Actor): Promise<OutboxRow[]> {
  authorize(actor, "read:outbox");
  return getDb().outboxMail.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
}
