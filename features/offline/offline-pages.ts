/**
 * Which of the app's pages a learner can open without a connection, and how the service worker
 * files them (decision 036). Shared by the service worker, the pages that save things for offline
 * and the tests; no browser or server APIs here.
 */

/**
 * A learner's reading and practising pages: kept on the device when opened (or saved) and served
 * from there when the network fails. Pages that need the server to be useful — reports, curator and
 * admin pages, authoring, settings — are not kept: offline they say that they need a connection.
 */
const OFFLINE_PAGES: RegExp[] = [
  /^\/$/,
  /^\/today$/,
  /^\/lessons$/,
  /^\/lessons\/[\w-]+$/,
  /^\/walkthroughs$/,
  /^\/walkthroughs\/[\w-]+$/,
  /^\/walkthroughs\/[\w-]+\/print$/,
  /^\/walkthroughs\/[\w-]+\/screens$/,
  /^\/review$/,
  /^\/progress$/,
  /^\/competences$/,
  /^\/competences\/assess$/,
  /^\/community$/,
  /^\/community\/t\/[\w-]+$/,
  /^\/methodology$/,
  /^\/methodology\/[\w-]+$/,
  /^\/saved$/,
  /^\/outbox$/,
];

export function isOfflinePage(pathname: string): boolean {
  return OFFLINE_PAGES.some((re) => re.test(pathname));
}

/** Query parameters that only say where a player stands: one stored copy serves every step. */
const PLAYER_PARAMS = ["step"];

/**
 * The address a page is stored under: the same page at another step of its player is one copy, and
 * the order of other parameters does not matter (a thread's `?page=2` is its own copy).
 */
export function pageCacheKey(href: string, origin: string): string {
  const url = new URL(href, origin);
  for (const name of PLAYER_PARAMS) url.searchParams.delete(name);
  url.searchParams.sort();
  url.hash = "";
  return url.toString();
}

/**
 * Who a rendered page belongs to, from the app's header (`data-app-header`, with `data-user-id`
 * when someone is signed in): the person's id, null on a signed-out page, undefined when the HTML
 * has no app header (not one of the app's pages).
 */
export function pageOwner(html: string): string | null | undefined {
  const header = /<header\b[^>]*\bdata-app-header\b[^>]*>/.exec(html)?.[0];
  if (!header) return undefined;
  return /\bdata-user-id="([\w-]{1,64})"/.exec(header)?.[1] ?? null;
}

/** A page's `<title>`, unescaped and without the app's name after it, for the list of what is on the device. */
export function pageTitle(html: string): string {
  const raw = (/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "").replace(/ — (Сходинки|Skhodynky)$/, "");
  return raw
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * Recently opened pages worth listing beside the saved things: those with a title (not pictures),
 * not already part of something saved, and not the device's own lists.
 */
export function openedNotSaved<P extends { key: string; title: string }>(opened: P[], saved: { parts: { url: string }[] }[], origin: string): P[] {
  const inSaved = new Set(saved.flatMap((s) => s.parts.map((p) => pageCacheKey(p.url, origin))));
  // The lists of what is on the device are not themselves worth listing.
  const lists = new Set(["/saved", "/outbox"].map((path) => pageCacheKey(path, origin)));
  return opened.filter((p) => p.title && !inSaved.has(p.key) && !lists.has(p.key));
}

/** The build's files a stored page needs to run (scripts, styles), from its HTML. */
export function pageAssets(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/(?:src|href)="(\/_next\/static\/[^"?#]+)"/g)) found.add(match[1]!);
  // Chunks the RSC payload names (loaded as the page hydrates) appear as "static/chunks/…" strings.
  for (const match of html.matchAll(/\\?"(?:\/_next\/)?(static\/(?:chunks|css)\/[\w./%-]+\.(?:js|css))\\?"/g)) found.add(`/_next/${match[1]!}`);
  return [...found].sort();
}

/** Cache names: the build's shared files, and each person's pages (opened, and saved on purpose). */
export const STATIC_CACHE = "skh-static";
export const openedCache = (userId: string) => `skh-opened-${userId}`;
export const savedCache = (userId: string) => `skh-saved-${userId}`;
/** How many opened (not saved) pages a person keeps; the least recently opened go first. */
export const OPENED_PAGES_KEPT = 120;
