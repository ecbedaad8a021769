import { getTranslations } from "next-intl/server";

/**
 * Numbered pages as plain links (no JavaScript): first, previous, "page N of M", next, last. A server
 * component shared by search results, long threads and the admin's list of people; `href` builds each page's address.
 */
export async function PageNav({
  page,
  pageCount,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** What the pages are of, for the navigation landmark («Сторінки результатів»). */
  label: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("paging");
  const labels = { nav: label, first: t("first"), previous: t("previous"), next: t("next"), last: t("last"), current: t("pageOf", { page, count: pageCount }) };
  const link = (to: number, text: string, rel?: string) => (
    <li>
      <a href={href(to)} rel={rel} className="inline-block px-1 py-2">
        {text}
      </a>
    </li>
  );
  return (
    <nav aria-label={labels.nav} className="my-4">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {page > 2 ? link(1, labels.first) : null}
        {page > 1 ? link(page - 1, labels.previous, "prev") : null}
        <li aria-current="page" className="font-semibold">
          {labels.current}
        </li>
        {page < pageCount ? link(page + 1, labels.next, "next") : null}
        {page < pageCount - 1 ? link(pageCount, labels.last) : null}
      </ul>
    </nav>
  );
}
