"use client";

import { deleteSaved, listSaved, putSaved, type BundlePart, type SavedThing } from "./device-store";
import { pageAssets, pageCacheKey, pageOwner, savedCache } from "./offline-pages";
import { storableResponse } from "./stored-response";

/**
 * Saving a lesson, a guide, a track or the week's plan on this device for its person (decision 036):
 * every page and picture it lists goes into the person's own cache, with the app's files the pages
 * need, and an entry in the device's index. The service worker answers from there offline. A page
 * the server renders for someone else (the session changed meanwhile) stops the download.
 */
export type Thing = { id: string; title: string; href: string; parts: BundlePart[] };

export class SaveError extends Error {
  constructor(
    readonly reason: "offline" | "refused" | "signedOut" | "otherUser" | "noStorage",
    readonly status = 0,
  ) {
    super(reason);
  }
}

/** Whether this browser can keep pages (Cache Storage needs a secure origin: https, localhost or 127.0.0.1). */
export function canSaveOffline(): boolean {
  return typeof window !== "undefined" && "caches" in window && window.isSecureContext && "indexedDB" in window;
}

/** What the download weighs on the wire, as the server estimated it. */
export const plannedBytes = (thing: Thing) => thing.parts.reduce((sum, p) => sum + p.bytes, 0);

/** Bytes the browser received for an address it just fetched (Resource Timing), else the body's size. */
function receivedBytes(url: string, fallback: number): number {
  const entries = performance.getEntriesByName(new URL(url, location.origin).href) as PerformanceResourceTiming[];
  const last = entries.at(-1);
  return last && last.encodedBodySize > 0 ? last.encodedBodySize : fallback;
}

async function get(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html,*/*" }, cache: "no-store" });
  } catch {
    throw new SaveError("offline");
  }
  if (!response.ok || response.redirected) throw new SaveError(response.status === 401 || response.redirected ? "signedOut" : "refused", response.status);
  return response;
}

export async function saveForOffline(userId: string, thing: Thing, onProgress: (done: number, total: number) => void): Promise<SavedThing> {
  if (!canSaveOffline()) throw new SaveError("noStorage");
  // Ask the browser to keep what is saved on purpose when storage runs low (it may say no).
  void navigator.storage?.persist?.().catch(() => false);
  const cache = await caches.open(savedCache(userId));
  const assets = new Set<string>();
  let bytes = 0;
  try {
    for (const [i, part] of thing.parts.entries()) {
      const response = await get(part.url);
      if ((response.headers.get("content-type") ?? "").includes("text/html")) {
        const html = await response.text();
        if (pageOwner(html) !== userId) throw new SaveError("otherUser");
        for (const asset of pageAssets(html)) assets.add(asset);
        await cache.put(pageCacheKey(part.url, location.origin), storableResponse(html, response));
        bytes += receivedBytes(part.url, html.length);
      } else {
        const body = await response.blob();
        await cache.put(new URL(part.url, location.origin).href, storableResponse(body, response));
        bytes += receivedBytes(part.url, body.size);
      }
      onProgress(i + 1, thing.parts.length);
    }
    // The app's files the pages run with: a copy in the person's cache, so clearing old files never breaks a saved page.
    for (const asset of assets) {
      const href = new URL(asset, location.origin).href;
      if (await cache.match(href)) continue;
      const kept = await caches.match(href);
      const response = kept ?? (await get(asset));
      if (!kept) bytes += receivedBytes(asset, 0);
      await cache.put(href, response);
    }
  } catch (error) {
    // Half a download is not kept: what this thing alone brought goes again.
    const others = (await listSaved(userId)).filter((s) => s.id !== thing.id);
    await forget(userId, { parts: thing.parts, files: [...assets] }, others);
    throw error;
  }
  const saved: SavedThing = { userId, id: thing.id, title: thing.title, href: thing.href, parts: thing.parts, files: [...assets], bytes, savedAt: Date.now() };
  await putSaved(saved);
  return saved;
}

const addresses = (thing: Pick<SavedThing, "parts" | "files">) => [
  ...thing.parts.map((p) => pageCacheKey(p.url, location.origin)),
  ...thing.files.map((f) => new URL(f, location.origin).href),
];

/** Deletes a thing's pages and files from the person's cache, except those another saved thing needs. */
async function forget(userId: string, thing: Pick<SavedThing, "parts" | "files">, others: SavedThing[]): Promise<void> {
  const stillNeeded = new Set(others.flatMap(addresses));
  const cache = await caches.open(savedCache(userId));
  for (const address of addresses(thing)) if (!stillNeeded.has(address)) await cache.delete(address, { ignoreVary: true });
}

/** Removes a saved thing from the device. */
export async function removeSaved(userId: string, id: string): Promise<void> {
  const all = await listSaved(userId);
  const target = all.find((s) => s.id === id);
  if (!target) return;
  await forget(
    userId,
    target,
    all.filter((s) => s.id !== id),
  );
  await deleteSaved(userId, id);
}
