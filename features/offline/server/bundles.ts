import "server-only";
import { statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { authorize, type Actor } from "@/server/authz/policy";
import { getDb } from "@/server/db/client";
import type { AppLocale } from "@/server/i18n";
import { loadCatalog, type Catalog } from "@/features/content/server/load-catalog";
import { completedLessonIds } from "@/features/progress/server/lesson-position";
import type { Today } from "@/features/progress/server/get-today";
import type { BundlePart } from "../device-store";

/**
 * What saving something for offline downloads (decision 036): the pages of a lesson, a guide (its
 * player and printable handout), a track or this week's plan, and the pictures and screens they
 * show, each with what it weighs on the wire. Pages are rendered per person, so a page's weight is
 * estimated from its compiled text (calibrated against measured pages: about 4.5 KB of page around
 * 2.1 times the compressed text); pictures and screens are counted exactly. Every function finds the
 * items through the reader's own catalog: nothing another region published is ever listed.
 */
export type OfflineThing = { id: string; title: string; href: string; parts: BundlePart[] };

const PAGE_SHELL_BYTES = 4_500;
const TEXT_FACTOR = 2.1;
/** A list page (catalog, Today, review) without a compiled text of its own. */
const LIST_PAGE_BYTES = 9_000;

const compressedSizes = new Map<string, number>();
function pageBytes(cacheKey: string, code: string): number {
  let size = compressedSizes.get(cacheKey);
  if (size === undefined) {
    size = gzipSync(code).length;
    if (compressedSizes.size > 2_000) compressedSizes.clear();
    compressedSizes.set(cacheKey, size);
  }
  return Math.round(PAGE_SHELL_BYTES + TEXT_FACTOR * size);
}

const publicSizes = new Map<string, number>();
function publicFileBytes(path: string): number {
  let size = publicSizes.get(path);
  if (size === undefined) {
    try {
      size = statSync(join(process.cwd(), "public", path)).size;
    } catch {
      size = 0;
    }
    publicSizes.set(path, size);
  }
  return size;
}

/** The pictures a compiled text shows: files of content/ (public folders) and files uploaded in the app. */
function mediaIn(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\/(?:lesson-media|walkthrough-media)\/[\w-]+\/[\w.-]+\.(?:svg|png|jpe?g|webp)/g)) found.add(m[0]);
  for (const m of code.matchAll(/\/api\/v1\/files\/[a-z0-9]+/g)) found.add(m[0]);
  return [...found];
}

/** The pictures a compiled text shows, each with its size in bytes (what downloading it costs). */
export async function mediaPartsOf(code: string): Promise<BundlePart[]> {
  return mediaParts(mediaIn(code));
}

async function mediaParts(urls: string[]): Promise<BundlePart[]> {
  const stored = urls.filter((u) => u.startsWith("/api/v1/files/")).map((u) => u.slice("/api/v1/files/".length));
  const sizes = stored.length
    ? new Map((await getDb().storedFile.findMany({ where: { id: { in: stored } }, select: { id: true, size: true } })).map((f) => [f.id, f.size]))
    : new Map<string, number>();
  return urls.map((url) => ({ url, bytes: url.startsWith("/api/v1/files/") ? (sizes.get(url.slice(14)) ?? 0) : publicFileBytes(url) }));
}

/** One part per address, the first weight kept. */
function unique(parts: BundlePart[]): BundlePart[] {
  const seen = new Map<string, BundlePart>();
  for (const p of parts) if (!seen.has(p.url)) seen.set(p.url, p);
  return [...seen.values()];
}

async function lessonParts(catalog: Catalog, lessonId: string, locale: AppLocale): Promise<{ title: string; parts: BundlePart[] } | null> {
  const lesson = await catalog.getLesson(lessonId, locale);
  if (!lesson) return null;
  const page = { url: `/lessons/${lessonId}`, bytes: pageBytes(`lesson:${lessonId}:${lesson.locale}:${lesson.code.length}`, lesson.code) };
  return { title: lesson.frontmatter.title, parts: [page, ...(await mediaPartsOf(lesson.code))] };
}

async function walkthroughParts(catalog: Catalog, id: string, locale: AppLocale): Promise<{ title: string; parts: BundlePart[] } | null> {
  const guide = await catalog.getWalkthrough(id, locale);
  if (!guide) return null;
  const bytes = pageBytes(`walkthrough:${id}:${guide.locale}:${guide.code.length}`, guide.code);
  const pages = [
    { url: `/walkthroughs/${id}`, bytes },
    { url: `/walkthroughs/${id}/print`, bytes },
    { url: `/walkthroughs/${id}/screens`, bytes },
  ];
  return { title: guide.frontmatter.title, parts: [...pages, ...(await mediaPartsOf(guide.code))] };
}

export async function lessonBundle(actor: Actor, lessonId: string, locale: AppLocale): Promise<OfflineThing | null> {
  authorize(actor, "read:profile:own");
  const found = await lessonParts(await loadCatalog(actor), lessonId, locale);
  return found ? { id: `lesson:${lessonId}`, title: found.title, href: `/lessons/${lessonId}`, parts: found.parts } : null;
}

export async function walkthroughBundle(actor: Actor, id: string, locale: AppLocale): Promise<OfflineThing | null> {
  authorize(actor, "read:profile:own");
  const found = await walkthroughParts(await loadCatalog(actor), id, locale);
  return found ? { id: `walkthrough:${id}`, title: found.title, href: `/walkthroughs/${id}`, parts: found.parts } : null;
}

/** A whole track: every lesson of it, the catalog that lists it, and the review session. */
export async function trackBundle(actor: Actor, trackId: string, locale: AppLocale): Promise<OfflineThing | null> {
  authorize(actor, "read:profile:own");
  const catalog = await loadCatalog(actor);
  const track = catalog.tracks().find((t) => t.id === trackId);
  if (!track) return null;
  const lessons = await Promise.all(track.lessons.map((id) => lessonParts(catalog, id, locale)));
  const parts = [{ url: "/lessons", bytes: LIST_PAGE_BYTES }, ...lessons.flatMap((l) => l?.parts ?? []), { url: "/review", bytes: LIST_PAGE_BYTES }];
  return { id: `track:${trackId}`, title: track.title[locale], href: "/lessons", parts: unique(parts) };
}

/** How many lessons of the track after today's the week's plan takes along. */
const WEEK_AHEAD = 4;

/**
 * This week's plan: Today itself, today's lesson (or guide), every open assignment, the next lessons
 * of the track today's lesson belongs to that are not finished yet, and the review session.
 */
export async function weekPlanBundle(actor: Actor, today: Today, locale: AppLocale, title: string): Promise<OfflineThing> {
  authorize(actor, "read:profile:own");
  const [catalog, completed] = await Promise.all([loadCatalog(actor), completedLessonIds(actor)]);
  const targets: { kind: "lesson" | "walkthrough"; id: string }[] = [];
  const add = (href: string) => {
    const match = /^\/(lessons|walkthroughs)\/([\w-]+)$/.exec(href);
    if (match) targets.push({ kind: match[1] === "lessons" ? "lesson" : "walkthrough", id: match[2]! });
  };
  if (today.pick) add(today.pick.href);
  for (const a of today.assignments) add(a.href);
  const pickId = today.pick?.href.startsWith("/lessons/") ? today.pick.id : null;
  const track = pickId ? catalog.tracks().find((t) => t.lessons.includes(pickId)) : undefined;
  if (track && pickId) {
    const ahead = track.lessons.slice(track.lessons.indexOf(pickId) + 1).filter((id) => !completed.has(id));
    for (const id of ahead.slice(0, WEEK_AHEAD)) targets.push({ kind: "lesson", id });
  }
  const found = await Promise.all(targets.map((t) => (t.kind === "lesson" ? lessonParts(catalog, t.id, locale) : walkthroughParts(catalog, t.id, locale))));
  const parts = [{ url: "/today", bytes: LIST_PAGE_BYTES }, ...found.flatMap((f) => f?.parts ?? []), { url: "/review", bytes: LIST_PAGE_BYTES }];
  return { id: "week", title, href: "/today", parts: unique(parts) };
}
