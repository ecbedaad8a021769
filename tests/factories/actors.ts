import type { PrismaClient } from "../../server/db/client";
import type { SessionUser } from "../../server/auth/current-user";

/** A person as the app's functions see them once signed in (roles and where they work), read from the database. */
export async function actorFromDb(db: PrismaClient, who: { email: string } | { id: string }): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({
    where: who,
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      organizationId: true,
      roles: { select: { role: true } },
      organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } },
    },
  });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    roles: user.roles.map((r) => r.role),
    organizationId: user.organizationId,
    hromadaId: user.organization.hromadaId,
    regionId: user.organization.hromada.regionId,
  };
}
