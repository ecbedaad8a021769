import { handle } from "@/server/api/handler";
import { communityKnowledgeEndpoints as e } from "@/features/community/endpoints";
import { updateKnowledgeEntry } from "@/features/community/server/update-knowledge-entry";
import { removeKnowledgeEntry } from "@/features/community/server/remove-knowledge-entry";

export const PATCH = handle(e.updateKnowledge, async ({ user, params, body }) => ({ body: await updateKnowledgeEntry(user, params.id, body) }));

export const DELETE = handle(e.removeKnowledge, async ({ user, params }) => ({ body: await removeKnowledgeEntry(user, params.id) }));
