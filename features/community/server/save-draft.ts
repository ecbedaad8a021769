import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/server/db/client";
import { communityDraftsWhere, type Actor } from "@/server/authz/policy";
import type { DraftKind, TDraftContent } from "../draft-schemas";
import { loadWritableDraftTarget } from "./draft-target";

export type SavedDraft = {
  /** The revision the server now holds (the one sent, or a newer one already there). */
  revision: number;
  updatedAt: string;
  /** False when a save with this or a newer revision was already there: nothing changed. */
  applied: boolean;
};

/**
 * Saves the actor's draft for a target: one per person per target (a unique index), written by an
 * upsert that only replaces a lower revision, so an older save arriving late (a retry over a weak
 * connection, a second tab) never overwrites newer text, and two saves at once leave the higher one.
 * Repeating a save changes nothing (PUT is idempotent). The text is never logged.
 */
export async function saveDraft(actor: Actor, kind: DraftKind, target: string, input: { revision: number; content: TDraftContent }, now = new Date()) {
  const { kind: rowKind, targetId } = await loadWritableDraftTarget(actor, kind, target, now);
  const db = getDb();
  const at = now.toISOString();
  const rows = await db.$queryRaw<{ revision: string; updatedAt: string }[]>`
    INSERT INTO "PostDraft" ("id", "userId", "kind", "targetId", "content", "revision", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${actor.id}, ${rowKind}, ${targetId}, ${JSON.stringify(input.content)}::jsonb, ${BigInt(input.revision)},
            (${at}::timestamptz AT TIME ZONE 'UTC'), (${at}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("userId", "kind", "targetId") DO UPDATE
      SET "content" = EXCLUDED."content", "revision" = EXCLUDED."revision", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "PostDraft"."revision" < EXCLUDED."revision"
    RETURNING "revision"::text AS "revision", to_char("updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;
  const written = rows[0];
  if (written) return { revision: Number(written.revision), updatedAt: written.updatedAt, applied: true } satisfies SavedDraft;
  const current = await db.postDraft.findFirst({
    where: { AND: [communityDraftsWhere(actor), { kind: rowKind, targetId }] },
    select: { revision: true, updatedAt: true },
  });
  // Deleted between the two statements (published meanwhile): nothing newer to report than what was sent.
  return {
    revision: current ? Number(current.revision) : input.revision,
    updatedAt: (current?.updatedAt ?? now).toISOString(),
    applied: false,
  } satisfies SavedDraft;
}
