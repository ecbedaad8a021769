import { handle } from "@/server/api/handler";
import { competenceEndpoints } from "@/features/competences/endpoints";
import { discardDraft, saveDraft } from "@/features/competences/server/save-draft";

export const PUT = handle(competenceEndpoints.saveDraft, async ({ user, body }) => ({ body: await saveDraft(user, body) }));

export const DELETE = handle(competenceEndpoints.discardDraft, async ({ user }) => {
  await discardDraft(user);
  return { body: { ok: true } };
});
