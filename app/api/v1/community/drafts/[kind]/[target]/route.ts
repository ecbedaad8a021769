import { handle } from "@/server/api/handler";
import { communityDraftEndpoints as e } from "@/features/community/endpoints";
import { getDraft } from "@/features/community/server/get-draft";
import { saveDraft } from "@/features/community/server/save-draft";
import { deleteDraft } from "@/features/community/server/delete-draft";

export const GET = handle(e.getDraft, async ({ user, params }) => ({
  body: { draft: await getDraft(user, params.kind, params.target) },
  headers: { "Cache-Control": "private, no-store" },
}));

export const PUT = handle(e.saveDraft, async ({ user, params, body }) => ({ body: await saveDraft(user, params.kind, params.target, body) }));

export const DELETE = handle(e.deleteDraft, async ({ user, params, query }) => ({
  body: await deleteDraft(user, params.kind, params.target, query.upTo === undefined ? undefined : Number(query.upTo)),
}));
