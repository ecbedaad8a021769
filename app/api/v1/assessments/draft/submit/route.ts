import { handle } from "@/server/api/handler";
import { competenceEndpoints } from "@/features/competences/endpoints";
import { submitDraft } from "@/features/competences/server/submit-draft";

export const POST = handle(competenceEndpoints.submitDraft, async ({ user }) => ({ status: 201, body: await submitDraft(user) }));
