import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { listThreads } from "@/features/community/server/list-threads";
import { createThread } from "@/features/community/server/create-thread";

export const GET = handle(e.listThreads, async ({ user, params, query }) => ({ body: await listThreads(user, params.slug, { cursor: query.cursor }) }));

export const POST = handle(e.createThread, async ({ user, params, body }) => ({
  status: 201,
  body: await createThread(user, { spaceSlug: params.slug, ...body }),
}));
