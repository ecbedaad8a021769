import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { TWorkshopWrite } from "../schemas";
import { prepareWorkshop } from "./prepare-workshop";

/** A methodologist announces a workshop for their region (an admin for any region or the country). */
export async function announceWorkshop(actor: Actor, input: TWorkshopWrite, now = new Date()): Promise<{ id: string }> {
  authorize(actor, "announce:workshops");
  const prepared = await prepareWorkshop(actor, input, now);
  return getDb().$transaction(async (tx) => {
    const row = await tx.workshop.create({ data: { ...prepared.fields, regionId: prepared.regionId, createdById: actor.id }, select: { id: true } });
    if (prepared.hromadaIds.length) await tx.workshopHromada.createMany({ data: prepared.hromadaIds.map((hromadaId) => ({ workshopId: row.id, hromadaId })) });
    return { id: row.id };
  });
}
