/**
 * Numbered pages as plain links (no JavaScript): first, previous, "page N of M", next, last. A server
 * component shared by search results, long threads and the admin's list of people; `href` builds each page's address.
 */
export function PageNav({
  page,
  pageCount,
  href,
  labels,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  labels: { nav: string; first: string; previous: string; next: string; last: string; current: string };
}) {
  if (pageCount <= 1) return null;
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
