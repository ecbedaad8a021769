import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { Actor, CommunitySpaceResource } from "@/server/authz/policy";
import type { ThreadKind } from "../types";
import { assertReadsSpace, toSpaceResource } from "./load-space";

export type LoadedThread = {
  id: string;
  title: string;
  kind: ThreadKind;
  authorId: string;
  acceptedPostId: string | null;
  lockedAt: Date | null;
  space: { id: string; slug: string; name: string; kind: string; regionId: string | null; resource: CommunitySpaceResource };
};

/** A thread and its space's facts for the actor; 404 when missing or in a group they are not in, 403 in another region's space. */
export async function loadThread(actor: Actor, threadId: string): Promise<LoadedThread> {
  const row = await getDb().thread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      title: true,
      kind: true,
      authorId: true,
      acceptedPostId: true,
      lockedAt: true,
      space: {
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          regionId: true,
          ownerId: true,
          members: { where: { userId: actor.id }, select: { userId: true } },
        },
      },
    },
  });
  if (!row) throw new AppError("not_found", "errors.communityNotFound");
  const resource = toSpaceResource(row.space);
  assertReadsSpace(actor, resource);
  const { space } = row;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ThreadKind,
    authorId: row.authorId,
    acceptedPostId: row.acceptedPostId,
    lockedAt: row.lockedAt,
    space: { id: space.id, slug: space.slug, name: space.name, kind: space.kind, regionId: space.regionId, resource },
  };
}
