import { handle } from "@/server/api/handler";
import { communityKnowledgeEndpoints as e } from "@/features/community/endpoints";
import { listKnowledge } from "@/features/community/server/list-knowledge";

export const GET = handle(e.listKnowledge, async ({ user, params }) => {
  const view = await listKnowledge(user, params.slug);
  return { body: { canCurate: view.canCurate, entries: view.entries } };
});
