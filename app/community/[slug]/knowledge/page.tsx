import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listKnowledge } from "@/features/community/server/list-knowledge";
import { loadForPage } from "@/app/_lib/page-access";
import { ClientMessages } from "@/ui/client-messages";
import { KnowledgeEntryControls } from "@/features/community/components/knowledge-entry-controls";

export async function generateMetadata() {
  return { title: (await getTranslations("communityKnowledge"))("metaTitle") };
}

export const dynamic = "force-dynamic";

/**
 * A region's knowledge base: the accepted answers its methodologists picked, in their order, each
 * with the summary and a link back to its thread. Readers are the region space's readers; the
 * region's methodologists also edit, order and remove entries and see those that need review.
 */
export default async function KnowledgePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const [{ slug }, t, tc] = await Promise.all([params, getTranslations("communityKnowledge"), getTranslations("community")]);
  const view = await loadForPage(listKnowledge(user, slug));
  return (
    <ClientMessages namespaces={["communityKnowledge", "common"]}>
      <p className="mb-2 text-sm">
        <a href={`/community/${view.space.slug}`}>{t("backToSpace", { name: view.space.name })}</a>
      </p>
      <h1 className="page-title">{t("title", { space: view.space.name })}</h1>
      <p className="mb-6">{t("lead")}</p>
      {view.entries.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="grid gap-4">
          {view.entries.map((entry, i) => (
            <li key={entry.id}>
              <article className="card" aria-labelledby={`kb-${entry.id}`}>
                <h2 id={`kb-${entry.id}`} className="text-lg font-bold">
                  {entry.title}
                </h2>
                {entry.status !== "current" ? (
                  <p className="my-2 rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm">
                    <strong>{t("needsReview")}.</strong> {entry.status === "changed" ? t("changedNote") : t("missingNote")}
                  </p>
                ) : null}
                <h3 className="mt-2 font-semibold">{t("summary")}</h3>
                <p className="whitespace-pre-line break-words">{entry.summary}</p>
                {entry.answer ? (
                  <>
                    <h3 className="mt-3 font-semibold text-green-800">✓ {t("answer")}</h3>
                    <p className="text-sm text-muted">{t("answerBy", { name: entry.answer.authorName ?? tc("formerMember") })}</p>
                    <div className="lesson-prose break-words" dangerouslySetInnerHTML={{ __html: entry.answer.html }} />
                  </>
                ) : null}
                <p className="mt-2">
                  <a href={`/community/t/${entry.threadId}`}>{t("openThread", { title: entry.threadTitle })}</a>
                </p>
                {view.canCurate ? (
                  <KnowledgeEntryControls
                    entryId={entry.id}
                    title={entry.title}
                    summary={entry.summary}
                    answerPostId={entry.answer?.postId ?? null}
                    needsReview={entry.status !== "current"}
                    isFirst={i === 0}
                    isLast={i === view.entries.length - 1}
                  />
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </ClientMessages>
  );
}
