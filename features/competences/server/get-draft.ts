import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import type { TDraftSave } from "../schemas";

/** The person's own draft answers, to resume the form where they left off. */
export async function getDraft(actor: Actor): Promise<(TDraftSave & { frameworkVersion: number }) | null> {
  const draft = await getDb().assessment.findFirst({
    where: { userId: actor.id, status: "DRAFT" },
    select: {
      form: true,
      frameworkVersion: true,
      ratings: { select: { itemType: true, itemId: true, level: true, note: true } },
      purposes: { select: { purpose: true, frequency: true } },
      tools: { select: { tool: true, direction: true } },
    },
  });
  if (!draft) return null;
  return {
    form: draft.form,
    frameworkVersion: draft.frameworkVersion,
    ratings: draft.ratings.map((r) => ({ itemType: r.itemType, itemId: r.itemId, level: r.level, note: r.note ?? undefined })),
    purposes: Object.fromEntries(draft.purposes.map((p) => [p.purpose, p.frequency])),
    tools: draft.tools,
  };
}
