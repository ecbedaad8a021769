import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { searchCommunity } from "@/features/community/server/search-community";

export async function generateMetadata() {
  return { title: (await getTranslations("community"))("search") };
}

export const dynamic = "force-dynamic";

/** Search as a plain GET form: works without JavaScript; results only from threads the reader may open. */
export default async function CommunitySearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requireUser();
  const [query, t] = await Promise.all([searchParams, getTranslations("community")]);
  const q = typeof query.q === "string" ? query.q.slice(0, 200) : "";
  const results = q.trim().length >= 2 ? await searchCommunity(user, q) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/community">{t("backToCommunity")}</a>
      </p>
      <h1 className="page-title">{t("search")}</h1>
      <form method="get" action="/community/search" role="search" className="mb-6 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="community-q" className="mb-1 block font-semibold">
            {t("searchLabel")}
          </label>
          <input id="community-q" name="q" type="search" className="input" defaultValue={q} minLength={2} maxLength={200} />
        </div>
        <button type="submit" className="btn">
          {t("searchButton")}
        </button>
      </form>
      {results === null ? null : results.length === 0 ? (
        <p>{t("noResults")}</p>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-2 text-xl font-bold">
            {t("results", { count: results.length })}
          </h2>
          <ul className="grid gap-3">
            {results.map((r) => (
              <li key={r.postId} className="card">
                <a href={`/community/t/${r.threadId}#post-${r.postId}`} className="font-semibold">
                  {r.title}
                </a>
                <p className="text-sm text-muted">
                  {t(`kinds.${r.kind}`)} · {r.spaceName}
                  {r.isAcceptedAnswer ? ` · ✓ ${t("acceptedAnswer")}` : ""}
                </p>
                <p className="break-words">{r.fragment.map((f, i) => (f.hit ? <mark key={i}>{f.text}</mark> : <span key={i}>{f.text}</span>))}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
