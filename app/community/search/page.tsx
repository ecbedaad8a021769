import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { searchCommunity } from "@/features/community/server/search-community";
import { listReadableSpaces } from "@/features/community/server/list-readable-spaces";
import { PageNav } from "@/ui/page-nav";
import { SEARCH_PAGE_SIZE, THREAD_KINDS, type ThreadKind } from "@/features/community/types";

export async function generateMetadata() {
  return { title: (await getTranslations("community"))("search") };
}

export const dynamic = "force-dynamic";

type Params = { q?: string | string[]; space?: string | string[]; kind?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * Search as a plain GET form with filters by space and kind: works without JavaScript; results only
 * from threads the reader may open, accepted answers first, 20 to a page.
 */
export default async function CommunitySearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser();
  const [query, t, ts, spaces] = await Promise.all([searchParams, getTranslations("community"), getTranslations("communitySearch"), listReadableSpaces(user)]);
  const q = (one(query.q) ?? "").slice(0, 200);
  const space = spaces.find((s) => s.slug === one(query.space))?.slug;
  const kind = THREAD_KINDS.find((k) => k === one(query.kind)) as ThreadKind | undefined;
  const pageParam = one(query.page);
  const page = pageParam && /^\d{1,4}$/.test(pageParam) ? Math.max(1, Number(pageParam)) : 1;
  const found = q.trim().length >= 2 ? await searchCommunity(user, q, { spaceSlug: space, kind, page }) : null;
  const href = (to: number) => {
    const params = new URLSearchParams({ q });
    if (space) params.set("space", space);
    if (kind) params.set("kind", kind);
    if (to > 1) params.set("page", String(to));
    return `/community/search?${params.toString()}`;
  };
  const from = (page - 1) * SEARCH_PAGE_SIZE + 1;
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/community">{t("backToCommunity")}</a>
      </p>
      <h1 className="page-title">{t("search")}</h1>
      <form method="get" action="/community/search" role="search" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-[2_1_14rem]">
          <label htmlFor="community-q" className="mb-1 block font-semibold">
            {t("searchLabel")}
          </label>
          <input id="community-q" name="q" type="search" className="input w-full" defaultValue={q} minLength={2} maxLength={200} required />
        </div>
        <div className="min-w-0 flex-[1_1_10rem]">
          <label htmlFor="community-space" className="mb-1 block font-semibold">
            {ts("spaceLabel")}
          </label>
          <select id="community-space" name="space" className="input w-full" defaultValue={space ?? ""}>
            <option value="">{ts("allSpaces")}</option>
            {spaces.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 flex-[1_1_10rem]">
          <label htmlFor="community-kind" className="mb-1 block font-semibold">
            {ts("kindLabel")}
          </label>
          <select id="community-kind" name="kind" className="input w-full" defaultValue={kind ?? ""}>
            <option value="">{ts("allKinds")}</option>
            {THREAD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          {t("searchButton")}
        </button>
      </form>
      {found === null ? null : found.results.length === 0 ? (
        <p role="status">{t("noResults")}</p>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-1 text-xl font-bold">
            {t("results", { count: found.total })}
          </h2>
          <p role="status" className="mb-3 text-sm text-muted">
            {ts("range", { from, to: from + found.results.length - 1, total: found.total })}
          </p>
          <ul className="grid gap-3">
            {found.results.map((r) => (
              <li key={r.postId} className="card">
                <a href={`/community/t/${r.threadId}?post=${encodeURIComponent(r.postId)}#post-${r.postId}`} className="font-semibold">
                  {r.title}
                </a>
                <p className="text-sm text-muted">
                  {t(`kinds.${r.kind}`)} · {r.spaceName}
                  {r.isAcceptedAnswer ? <strong className="text-green-800"> · ✓ {t("acceptedAnswer")}</strong> : null}
                </p>
                <p className="break-words">{r.fragment.map((f, i) => (f.hit ? <mark key={i}>{f.text}</mark> : <span key={i}>{f.text}</span>))}</p>
              </li>
            ))}
          </ul>
          <PageNav page={found.page} pageCount={found.pageCount} href={href} label={ts("pagesLabel")} />
        </section>
      )}
    </>
  );
}
