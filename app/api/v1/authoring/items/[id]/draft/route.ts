import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { saveDraft } from "@/features/authoring/server/save-draft";
import { submitForReview } from "@/features/authoring/server/submit-item";

export const POST = handle({ ...e.save, permission: "author:content" }, async ({ user, params, body }) => {
  const saved = await saveDraft(user, params.id, body);
  if (body.intent === "preview") return { body: saved, formNext: `/authoring/${params.id}/preview` };
  if (body.intent !== "submit") return { body: saved };
  const submitted = await submitForReview(user, params.id, saved.revision);
  return { body: { ...saved, revision: submitted.revision } };
});
