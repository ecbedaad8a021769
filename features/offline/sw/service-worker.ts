/// <reference lib="webworker" />
/**
 * The service worker (decision 036), built by scripts/build-sw.mjs into public/sw.js.
 *
 * - Pages: the network first. A learner's reading pages (`offline-pages.ts`) that arrive are kept in
 *   the cache of the person the page was rendered for (its header says who); when the network fails,
 *   answers 502–504, or has not answered in 10 seconds, the copy kept for the person signed in on
 *   this device answers instead. Anything else offline gets a page that says so, in the person's
 *   language, with what they can open without a connection.
 * - The build's files and public media: from any cache first (they never change under one address),
 *   else the network, kept in a shared cache that forgets what was unused for 60 days.
 * - Stored files (`/api/v1/files/…`, screens and pictures a regional centre uploaded): served only
 *   to those who may read them, so kept per person like pages.
 * Writes never pass through here: the outbox (decision 034) sends them from the page.
 */
import { CacheExpiration, Serwist, type PrecacheEntry, type RouteHandlerCallbackOptions } from "serwist";
import { OPENED_PAGES_KEPT, STATIC_CACHE, isOfflinePage, openedCache, openedNotSaved, pageCacheKey, pageOwner, pageTitle, savedCache } from "../offline-pages";
import { currentDeviceUser, deleteOpened, deviceLocale, listOpened, listSaved, putOpened, setCurrentDeviceUser, setDeviceLocale } from "../device-store";
import { storableResponse } from "../stored-response";
import { offlinePageHtml, type OfflinePageMessages } from "./offline-page";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] };
declare const __OFFLINE_MESSAGES__: Record<"uk" | "en", OfflinePageMessages>;

const NETWORK_PATIENCE_MS = 10_000;
const staticExpiration = new CacheExpiration(STATIC_CACHE, { maxAgeSeconds: 60 * 24 * 3600, maxEntries: 600 });

/** Reads a page the server rendered: who is signed in now, and the page kept for them if it is a reading page. */
async function keepPage(response: Response, url: URL): Promise<void> {
  const html = await response.text();
  const owner = pageOwner(html);
  if (owner === undefined) return;
  await setCurrentDeviceUser(owner);
  const lang = /<html[^>]*\slang="(\w+)"/.exec(html)?.[1];
  if (lang) await setDeviceLocale(lang);
  if (!owner || !isOfflinePage(url.pathname)) return;
  const key = pageCacheKey(url.href, self.location.origin);
  const saved = await caches.open(savedCache(owner));
  // A page saved on purpose is refreshed in place; any other joins the recently opened.
  if (await saved.match(key, { ignoreVary: true })) return saved.put(key, storableResponse(html, response));
  await (await caches.open(openedCache(owner))).put(key, storableResponse(html, response));
  await putOpened({ userId: owner, key, title: pageTitle(html), bytes: html.length, openedAt: Date.now() });
  await forgetOldest(owner);
}

async function forgetOldest(userId: string): Promise<void> {
  const opened = await caches.open(openedCache(userId));
  for (const old of (await listOpened(userId)).slice(OPENED_PAGES_KEPT)) {
    await opened.delete(old.key, { ignoreVary: true });
    await deleteOpened(userId, old.key);
  }
}

/** The copy kept for the person signed in on this device, saved ones first. */
async function storedFor(key: string): Promise<Response | undefined> {
  const userId = await currentDeviceUser();
  if (!userId) return undefined;
  for (const name of [savedCache(userId), openedCache(userId)]) {
    if (!(await caches.has(name))) continue;
    const hit = await (await caches.open(name)).match(key, { ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}

async function offlineAnswer(url: URL): Promise<Response> {
  const [userId, locale] = await Promise.all([currentDeviceUser(), deviceLocale()]);
  const [saved, opened] = userId ? await Promise.all([listSaved(userId), listOpened(userId)]) : [[], []];
  const html = offlinePageHtml(__OFFLINE_MESSAGES__[locale], locale, {
    signedIn: Boolean(userId),
    readingPage: isOfflinePage(url.pathname),
    retryHref: url.pathname + url.search,
    saved: saved.map((s) => ({ title: s.title, href: s.href })),
    opened: openedNotSaved(opened, saved, self.location.origin).map((p) => ({ title: p.title, href: new URL(p.key).pathname + new URL(p.key).search })),
  });
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

const UNAVAILABLE = new Set([502, 503, 504]);

async function page({ request, url, event }: RouteHandlerCallbackOptions): Promise<Response> {
  const network = fetch(request).then((response) => {
    if (response.status === 200 && response.type === "basic" && (response.headers.get("content-type") ?? "").includes("text/html")) {
      event.waitUntil(keepPage(response.clone(), url).catch(() => undefined));
    }
    return response;
  });
  if (!isOfflinePage(url.pathname)) {
    return network.then((r) => (UNAVAILABLE.has(r.status) ? offlineAnswer(url) : r)).catch(() => offlineAnswer(url));
  }
  event.waitUntil(
    network.then(
      () => undefined,
      () => undefined,
    ),
  );
  const key = pageCacheKey(url.href, self.location.origin);
  const patience = new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), NETWORK_PATIENCE_MS));
  const first = await Promise.race([
    network.then(
      (r) => r,
      () => null,
    ),
    patience,
  ]);
  if (first !== "slow" && first && !UNAVAILABLE.has(first.status)) return first;
  const stored = await storedFor(key);
  if (stored) return stored;
  if (first === "slow") {
    // Nothing kept: the network is all there is.
    const late = await network.catch(() => null);
    if (late && !UNAVAILABLE.has(late.status)) return late;
  }
  return offlineAnswer(url);
}

/** The build's files and public media: the same bytes under one address forever. */
async function sharedFile({ request }: RouteHandlerCallbackOptions): Promise<Response> {
  const hit = await caches.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
    await staticExpiration.updateTimestamp(request.url);
    void staticExpiration.expireEntries();
  }
  return response;
}

/** A stored file (its address never changes its bytes), kept for the person who could open it. */
async function personalFile({ request, url }: RouteHandlerCallbackOptions): Promise<Response> {
  const key = url.href;
  const stored = await storedFor(key);
  if (stored) return stored;
  const response = await fetch(request);
  const userId = await currentDeviceUser();
  if (userId && response.status === 200 && response.type === "basic") {
    const body = await response.clone().blob();
    await (await caches.open(openedCache(userId))).put(key, storableResponse(body, response));
    await putOpened({ userId, key, title: "", bytes: body.size, openedAt: Date.now() });
    await forgetOldest(userId);
  }
  return response;
}

const sameOrigin = (url: URL) => url.origin === self.location.origin;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    { matcher: ({ request, url }) => request.mode === "navigate" && sameOrigin(url), handler: page },
    {
      matcher: ({ url }) => sameOrigin(url) && /^\/(_next\/static\/|lesson-media\/|walkthrough-media\/|icons\/|manifest\.webmanifest$)/.test(url.pathname),
      handler: sharedFile,
    },
    { matcher: ({ url }) => sameOrigin(url) && /^\/api\/v1\/files\/[\w-]+$/.test(url.pathname), handler: personalFile },
  ],
});

serwist.addEventListeners();
