import type { PrismaClient } from "../../server/db/client";

/**
 * A workshop written straight into the database, for tests and the demo world: the announce form
 * refuses a start in the past, and a journey that marks attendance needs one that has happened.
 * Registrations are given in order: seats first, the rest wait.
 */
export type WorkshopInput = {
  createdById: string;
  regionId: string | null;
  title?: string;
  description?: string;
  place?: string | null;
  onlineUrl?: string | null;
  startsAt: Date;
  endsAt?: Date;
  capacity?: number;
  audience?: "REGION" | "HROMADAS" | "CURATORS";
  hromadaIds?: string[];
  readings?: { kind: "lesson" | "walkthrough"; id: string }[];
  materials?: ({ kind: "lesson" | "walkthrough"; id: string } | { kind: "link"; url: string; title: string })[];
  registrantIds?: string[];
  /** Registrants marked as attended (others of the registered marked absent) — only for a workshop that has started. */
  attendedIds?: string[];
};

export async function createWorkshop(db: PrismaClient, input: WorkshopInput): Promise<{ id: string; registrationIds: string[] }> {
  const capacity = input.capacity ?? 20;
  const workshop = await db.workshop.create({
    data: {
      createdById: input.createdById,
      regionId: input.regionId,
      audience: input.audience ?? "REGION",
      title: input.title ?? "Як допомогти клієнтові записатися до ЦНАП онлайн",
      description: input.description ?? "Практичний семінар для соціальних працівників: запис до ЦНАП онлайн разом із клієнтом.",
      place: input.place === undefined ? "Обласний центр соціальних служб, зала засідань" : input.place,
      onlineUrl: input.onlineUrl ?? null,
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? new Date(input.startsAt.getTime() + 90 * 60_000),
      capacity,
      readings: input.readings ?? [],
      materials: input.materials ?? [],
      hromadas: { create: (input.hromadaIds ?? []).map((hromadaId) => ({ hromadaId })) },
    },
    select: { id: true },
  });
  const attended = input.attendedIds ? new Set(input.attendedIds) : null;
  const registrationIds: string[] = [];
  for (const [i, userId] of (input.registrantIds ?? []).entries()) {
    const registered = i < capacity;
    const row = await db.workshopRegistration.create({
      data: {
        workshopId: workshop.id,
        userId,
        status: registered ? "REGISTERED" : "WAITLISTED",
        queuedAt: new Date(input.startsAt.getTime() - (14 * 24 * 60 - i) * 60_000),
        attended: registered && attended ? attended.has(userId) : null,
      },
      select: { id: true },
    });
    registrationIds.push(row.id);
  }
  return { id: workshop.id, registrationIds };
}
