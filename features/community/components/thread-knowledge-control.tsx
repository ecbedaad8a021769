import { getTranslations } from "next-intl/server";
import type { ThreadKnowledge } from "../server/get-thread-knowledge";
import { KnowledgeEntryForm } from "./knowledge-entry-form";

/** Under a question's accepted answer: it is in the region knowledge base, or a methodologist adds it. */
export async function ThreadKnowledgeControl({ threadId, knowledge }: { threadId: string; knowledge: ThreadKnowledge }) {
  const t = await getTranslations("communityKnowledge");
  if (knowledge.knowledgeHref)
    return (
      <p className="mt-3 text-sm">
        {t("inKnowledge")} <a href={knowledge.knowledgeHref}>{t("openKnowledge")}</a>
      </p>
    );
  if (!knowledge.canAdd) return null;
  return (
    <section aria-labelledby="knowledge-heading" className="card mt-4 grid gap-2">
      <h2 id="knowledge-heading" className="text-lg font-bold">
        {t("addHeading")}
      </h2>
      <p className="text-sm">{t("addLead")}</p>
      <KnowledgeEntryForm mode="add" threadId={threadId} defaultTitle={knowledge.defaultTitle} />
    </section>
  );
}
