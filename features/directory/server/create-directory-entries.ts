import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, organizationsWhere, regionsWhere, type Actor } from "@/server/authz/policy";
import { createRegionSpace } from "@/features/community/server/region-space";
import { recordAudit } from "@/server/audit/record-audit";
import type { THromadaCreate, TOrganizationCreate, TOrganizationSettings, TRegionCreate } from "../schemas";

export async function createRegion(actor: Actor, input: TRegionCreate): Promise<{ id: string }> {
  authorize(actor, "manage:directory");
  const db = getDb();
  if (await db.region.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new AppError("conflict", "errors.regionExists", { code: ["errors.regionExists"] });
  }
  // The region and its community space are made together (features/community/server/region-space.ts).
  const region = await db.$transaction(async (tx) => {
    const created = await tx.region.create({ data: input, select: { id: true, code: true, nameUk: true } });
    await createRegionSpace(tx, created);
    await recordAudit(tx, { actorId: actor.id, action: "directory.region-created", targetType: "Region", targetId: created.id, regionId: created.id });
    return { id: created.id };
  });
  return region;
}

export async function createHromada(actor: Actor, input: THromadaCreate): Promise<{ id: string }> {
  authorize(actor, "manage:directory");
  const db = getDb();
  const region = await db.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
  if (!region) throw new AppError("not_found", "errors.regionNotFound", { regionId: ["errors.regionNotFound"] });
  if (await db.hromada.findFirst({ where: { regionId: input.regionId, nameUk: input.nameUk }, select: { id: true } })) {
    throw new AppError("conflict", "errors.hromadaExists", { nameUk: ["errors.hromadaExists"] });
  }
  return db.$transaction(async (tx) => {
    const hromada = await tx.hromada.create({ data: input, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "directory.hromada-created", targetType: "Hromada", targetId: hromada.id, regionId: input.regionId });
    return hromada;
  });
}

export async function createOrganization(actor: Actor, input: TOrganizationCreate): Promise<{ id: string }> {
  const db = getDb();
  // Scoped lookup: a hromada of another region answers like one that does not exist.
  const hromada = await db.hromada.findFirst({ where: { id: input.hromadaId, region: regionsWhere(actor) }, select: { regionId: true } });
  if (!hromada) throw new AppError("not_found", "errors.hromadaNotFound", { hromadaId: ["errors.hromadaNotFound"] });
  authorize(actor, "create:organization", { regionId: hromada.regionId });
  // Names are unique within a hromada (the database's unique index backs this up under races).
  if (await db.organization.findFirst({ where: { hromadaId: input.hromadaId, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) {
    throw new AppError("conflict", "errors.organizationExists", { name: ["errors.organizationExists"] });
  }
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: input, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "directory.organization-created",
      targetType: "Organization",
      targetId: organization.id,
      regionId: hromada.regionId,
    });
    return organization;
  });
}

/** Admins anywhere, methodologists in their region: how often members are invited to reassess. */
export async function updateOrganizationSettings(actor: Actor, id: string, input: TOrganizationSettings): Promise<TOrganizationSettings> {
  const db = getDb();
  const org = await db.organization.findFirst({ where: { id, ...organizationsWhere(actor) }, select: { hromada: { select: { regionId: true } } } });
  if (!org) throw new AppError("not_found", "errors.organizationNotFound");
  authorize(actor, "create:organization", { regionId: org.hromada.regionId });
  return db.$transaction(async (tx) => {
    const updated = await tx.organization.update({ where: { id }, data: { reassessEveryDays: input.reassessEveryDays }, select: { reassessEveryDays: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "directory.organization-settings-changed",
      targetType: "Organization",
      targetId: id,
      regionId: org.hromada.regionId,
      detail: { reassessEveryDays: updated.reassessEveryDays },
    });
    return updated;
  });
}
