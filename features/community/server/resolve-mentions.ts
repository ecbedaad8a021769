import "server-only";
import type { Prisma, PrismaClient } from "@/server/db/client";
import type { CommunitySpaceResource } from "@/server/authz/policy";
import { spaceReadersWhere } from "./space-readers-where";

/** What the renderer reads as a mention (render-post.ts): "@", then 2–40 of a–z 0–9 . _ - (a final "." ends the sentence). */
const MENTION_CANDIDATE = /(?<![\p{L}\p{N}\p{M}_.%+\-@/\\])@([A-Za-z0-9._-]{2,40})(?![A-Za-z0-9._-])/gu;
/** At most this many different names are looked up per post. */
const MAX_MENTIONS = 20;

export type MentionedReader = { id: string; name: string };

/**
 * The people a post's `@handle`s name who can read the space (decision 025): `@handle` by the
 * person's handle, and `@<id>` as before handles existed (decision 022). Anyone else — a stranger
 * to a private group, another region's people, an unknown name — is not found, so the text stays
 * plain and nobody is told about a thread they cannot open. Keys are in lower case, as the renderer asks.
 */
export async function findMentionedReaders(
  db: PrismaClient | Prisma.TransactionClient,
  space: CommunitySpaceResource & { id: string },
  body: string,
): Promise<Map<string, MentionedReader>> {
  const names = [...new Set([...body.matchAll(MENTION_CANDIDATE)].map((m) => m[1]!.replace(/\.+$/, "").toLowerCase()))]
    .filter((n) => n.length >= 2)
    .slice(0, MAX_MENTIONS);
  const found = new Map<string, MentionedReader>();
  if (names.length === 0) return found;
  const people = await db.user.findMany({
    where: { AND: [{ OR: [{ handle: { in: names } }, { id: { in: names } }] }, spaceReadersWhere(space)] },
    select: { id: true, name: true, handle: true },
  });
  // A handle wins over an id that happens to read the same.
  for (const p of people) if (names.includes(p.id)) found.set(p.id, { id: p.id, name: p.name });
  for (const p of people) if (names.includes(p.handle)) found.set(p.handle, { id: p.id, name: p.name });
  return found;
}
