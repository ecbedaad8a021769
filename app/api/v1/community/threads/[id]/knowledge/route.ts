import { handle } from "@/server/api/handler";
import { communityKnowledgeEndpoints as e } from "@/features/community/endpoints";
import { addKnowledgeEntry } from "@/features/community/server/add-knowledge-entry";

export const POST = handle(e.addKnowledge, async ({ user, params, body }) => ({ status: 201, body: await addKnowledgeEntry(user, params.id, body) }));
