import { handle } from "@/server/api/handler";
import { communityKnowledgeEndpoints as e } from "@/features/community/endpoints";
import { moveKnowledgeEntry } from "@/features/community/server/move-knowledge-entry";

export const PUT = handle(e.moveKnowledge, async ({ user, params, body }) => ({ body: await moveKnowledgeEntry(user, params.id, body.direction) }));
