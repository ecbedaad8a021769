import "server-only";
import { getDb } from "@/server/db/client";
import { AppError, isUniqueViolation } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";

/** The actor's own handle (every account has one: the database gives it, decision 025). */
export async function getMyHandle(actor: Actor): Promise<{ handle: string }> {
  return getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { handle: true } });
}

/**
 * Changes the actor's handle. The unique index decides between two people asking for the same one
 * at once (409 `errors.handleTaken`); the CHECK keeps the shape a mention can name. Posts written
 * before keep the name they showed; new mentions use the new handle.
 */
export async function updateHandle(actor: Actor, handle: string): Promise<{ handle: string }> {
  authorize(actor, "update:profile:own");
  try {
    return await getDb().user.update({ where: { id: actor.id }, data: { handle }, select: { handle: true } });
  } catch (error) {
    if (isUniqueViolation(error, "User_handle_key")) throw new AppError("conflict", "errors.handleTaken");
    throw error;
  }
}
