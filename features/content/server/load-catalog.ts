import "server-only";
import { cache } from "react";
import { getDb, type Prisma } from "@/server/db/client";
import { authoredItemsVisibleWhere, regionTracksVisibleWhere, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import type { CompiledItem, CompiledLesson } from "@/features/lessons/compile";
import type { TLessonFrontmatter, TTrack } from "@/features/lessons/schemas";
import type { CompiledWalkthrough } from "@/features/walkthroughs/compile";
import { getLesson as getBuiltInLesson, listLessons as listBuiltInLessons, listTracks as listBuiltInTracks, type LessonCard } from "@/features/lessons/server/catalog";
import {
  getWalkthrough as getBuiltInWalkthrough,
  listWalkthroughs as listBuiltInWalkthroughs,
  walkthroughStepIds as builtInStepIds,
  walkthroughScreenCount as builtInScreenCount,
  type WalkthroughCard,
} from "@/features/walkthroughs/server/catalog";
import { compiledIndex } from "@/features/content/compiled";
import { findCompiledContent } from "@/features/authoring/server/compile-approved";
import type { AuthoredLessonMeta, AuthoredNoteMeta, AuthoredWalkthroughMeta } from "@/features/authoring/server/version-meta";

/** Who published an item: built-in content has none; an item written in the app the country or a region. */
export type Publisher = null | { scope: "national" } | { scope: "region"; regionId: string; name: { uk: string; en: string } };

export type CatalogLesson = LessonCard & { publisher: Publisher };
export type CatalogWalkthrough = WalkthroughCard & { publisher: Publisher };
export type CatalogTrack = TTrack & { publisher: Publisher };
export type CatalogNote = {
  id: string;
  /** The AuthoredItem row (its attachments are StoredFiles of this item). */
  itemId: string;
  title: string;
  summary: string;
  noteKind: string;
  publishedAt: Date;
  version: number;
  compiledKey: string;
  publisher: Publisher;
};

type AuthoredLesson = { slug: string; meta: AuthoredLessonMeta; compiledKey: string; publisher: Publisher };
type AuthoredWalkthrough = { slug: string; meta: AuthoredWalkthroughMeta; compiledKey: string; publisher: Publisher };

/** Compiled code of published versions, by key: a key names one text, so an entry never goes stale. */
const compiledByKey = new Map<string, Promise<{ code: string; data: unknown } | null>>();
function readCompiledContent(key: string) {
  let found = compiledByKey.get(key);
  if (!found) {
    found = findCompiledContent(key).then((row) => (row ? { code: row.code, data: row.data } : null));
    compiledByKey.set(key, found);
    void found.then((row) => {
      if (!row) compiledByKey.delete(key);
    });
  }
  return found;
}

/** Whose catalog: a person (what they may open), a region's whole scope, or all published items. */
export type CatalogAudience = Actor | { regionId: string } | "everything";
const isActor = (audience: Actor | { regionId: string }): audience is Actor => "id" in audience;

const lower = (locale: AppLocale, text: string) => text.toLocaleLowerCase(locale === "uk" ? "uk-UA" : "en-GB");

/**
 * What one person may learn from: the built-in content of `content/` and the items published in
 * the app for them (national ones, their region's, narrowed to their hromada when so published),
 * with the region's own tracks. Every page and feature that lists, opens, assigns or reviews
 * content reads it through here, so another region's item is absent alike from the catalog,
 * search, Today, tracks, gaps, assignments, review and direct addresses (decision 032).
 * `"everything"` is for records that keep only ids (titles in notifications, jobs); `{ regionId }`
 * is what a region's report covers: the national items and all of that region's (every hromada).
 */
export const loadCatalog = cache(readCatalog);

/**
 * Catalogs this server built, under the content revision it read before building them (decision
 * 046): the database raises the revision in the same transaction as any change a catalog is made
 * of, so a catalog kept under the current revision is the one a fresh build would make. Kept by
 * the queries that build them, so two people whose queries are the same share one.
 */
const built = { revision: 0n, byQuery: new Map<string, Promise<Catalog>>() };
/** A region's hromadas times the roles that see differently: a few hundred, bounded all the same. */
const MAX_BUILT_CATALOGS = 500;

/** loadCatalog without the per-request memo (a page and its metadata read one catalog per person). */
async function readCatalog(audience: CatalogAudience): Promise<Catalog> {
  const db = getDb();
  const published = { currentVersion: { not: null } };
  const items: Prisma.AuthoredItemWhereInput =
    audience === "everything"
      ? published
      : isActor(audience)
        ? authoredItemsVisibleWhere(audience)
        : { AND: [published, { OR: [{ regionId: null }, { regionId: audience.regionId }] }] };
  const tracks: Prisma.RegionTrackWhereInput =
    audience === "everything" ? {} : isActor(audience) ? regionTracksVisibleWhere(audience) : { regionId: audience.regionId };
  const row = await db.contentRevision.findUnique({ where: { id: 1 }, select: { n: true } });
  const revision = row?.n ?? 0n;
  if (revision > built.revision) {
    built.revision = revision;
    built.byQuery.clear();
  }
  // A request that read an older revision than another one already did builds for itself alone.
  if (revision < built.revision) return buildCatalog(items, tracks);
  const key = JSON.stringify([items, tracks]);
  let catalog = built.byQuery.get(key);
  if (!catalog) {
    if (built.byQuery.size >= MAX_BUILT_CATALOGS) built.byQuery.delete(built.byQuery.keys().next().value!);
    catalog = buildCatalog(items, tracks);
    built.byQuery.set(key, catalog);
    catalog.catch(() => {
      if (built.byQuery.get(key) === catalog) built.byQuery.delete(key);
    });
  }
  return catalog;
}

async function buildCatalog(where: Prisma.AuthoredItemWhereInput, trackWhere: Prisma.RegionTrackWhereInput): Promise<Catalog> {
  const db = getDb();
  // The publishers' regions are one query for the items and the tracks together (a `region`
  // include is a query of its own for each).
  const [items, tracks] = await Promise.all([
    db.authoredItem.findMany({
      where,
      select: { id: true, slug: true, kind: true, noteKind: true, currentVersion: true, regionId: true },
      orderBy: { slug: "asc" },
    }),
    db.regionTrack.findMany({
      where: trackWhere,
      select: { slug: true, title: true, description: true, lessons: true, regionId: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const regionIds = [...new Set([...items.map((i) => i.regionId), ...tracks.map((t) => t.regionId)].filter((id): id is string => id !== null))];
  const [versions, regions] = await Promise.all([
    items.length
      ? db.authoredVersion.findMany({
          where: { OR: items.map((i) => ({ itemId: i.id, number: i.currentVersion! })) },
          select: { itemId: true, number: true, meta: true, compiledKey: true, title: true, summary: true, publishedAt: true },
        })
      : [],
    regionIds.length ? db.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, nameUk: true, nameEn: true } }) : [],
  ]);
  const versionOf = new Map(versions.map((v) => [v.itemId, v]));
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const regionPublisher = (regionId: string): Publisher => {
    const region = regionById.get(regionId);
    return { scope: "region", regionId, name: { uk: region?.nameUk ?? "", en: region?.nameEn ?? "" } };
  };
  const lessons: AuthoredLesson[] = [];
  const guides: AuthoredWalkthrough[] = [];
  const notes: CatalogNote[] = [];
  for (const item of items) {
    const version = versionOf.get(item.id);
    if (!version) continue;
    const publisher: Publisher = item.regionId ? regionPublisher(item.regionId) : { scope: "national" };
    if (item.kind === "lesson") lessons.push({ slug: item.slug, meta: version.meta as AuthoredLessonMeta, compiledKey: version.compiledKey, publisher });
    else if (item.kind === "walkthrough") guides.push({ slug: item.slug, meta: version.meta as AuthoredWalkthroughMeta, compiledKey: version.compiledKey, publisher });
    else
      notes.push({
        id: item.slug,
        itemId: item.id,
        title: version.title,
        summary: version.summary,
        noteKind: (version.meta as AuthoredNoteMeta).noteKind ?? item.noteKind ?? "RECOMMENDATION",
        publishedAt: version.publishedAt ?? new Date(0),
        version: version.number,
        compiledKey: version.compiledKey,
        publisher,
      });
  }
  const regionTracks: CatalogTrack[] = tracks.map((t) => ({
    id: t.slug,
    title: { uk: t.title, en: t.title },
    description: { uk: t.description, en: t.description },
    lessons: t.lessons,
    publisher: regionPublisher(t.regionId),
  }));
  return new Catalog(lessons, guides, notes, regionTracks);
}

/**
 * A person as their catalog sees them (roles and where they work), read from the database: for
 * work done for someone else — a curator assigning to a mentee, the gaps on a mentee's page.
 */
export async function findCatalogAudience(userId: string): Promise<Actor | null> {
  const row = await getDb().user.findUnique({
    where: { id: userId },
    select: { organizationId: true, roles: { select: { role: true } }, organization: { select: { hromadaId: true, hromada: { select: { regionId: true } } } } },
  });
  return row
    ? {
        id: userId,
        roles: row.roles.map((r) => r.role),
        organizationId: row.organizationId,
        hromadaId: row.organization.hromadaId,
        regionId: row.organization.hromada.regionId,
      }
    : null;
}

export class Catalog {
  private readonly lessonBySlug: Map<string, AuthoredLesson>;
  private readonly guideBySlug: Map<string, AuthoredWalkthrough>;

  constructor(
    private readonly authoredLessons: AuthoredLesson[],
    private readonly authoredGuides: AuthoredWalkthrough[],
    private readonly authoredNotes: CatalogNote[],
    private readonly regionTracks: CatalogTrack[],
  ) {
    this.lessonBySlug = new Map(authoredLessons.map((l) => [l.slug, l]));
    this.guideBySlug = new Map(authoredGuides.map((g) => [g.slug, g]));
  }

  /** Every lesson, in the reader's language when it exists (items written in the app are in one language). */
  lessons(locale: AppLocale): CatalogLesson[] {
    const builtIn = listBuiltInLessons(locale).map((l) => ({ ...l, publisher: null }));
    const authored = this.authoredLessons.map(
      (l): CatalogLesson => ({ ...(l.meta.frontmatter as TLessonFrontmatter), locale: l.meta.locale, hasTranslation: l.meta.locale === locale, publisher: l.publisher }),
    );
    return [...builtIn, ...authored];
  }

  /** Search, filter by competence, level and duration. */
  findLessons(locale: AppLocale, filter: { q?: string; competence?: string; level?: number; maxMinutes?: number }): CatalogLesson[] {
    const words = lower(locale, filter.q ?? "")
      .split(/\s+/)
      .filter(Boolean);
    return this.lessons(locale).filter((l) => {
      if (filter.competence && !l.competences.includes(filter.competence)) return false;
      if (filter.level && l.level !== filter.level) return false;
      if (filter.maxMinutes && l.minutes > filter.maxMinutes) return false;
      const publisher = l.publisher?.scope === "region" ? `${l.publisher.name.uk} ${l.publisher.name.en}` : "";
      const haystack = lower(locale, `${l.title} ${l.summary} ${l.tags.join(" ")} ${publisher}`);
      return words.every((w) => haystack.includes(w));
    });
  }

  /** Built-in tracks, then the reader's region's own (whose lessons the reader can open). */
  tracks(): CatalogTrack[] {
    return [
      ...listBuiltInTracks().map((t) => ({ ...t, publisher: null })),
      ...this.regionTracks.map((t) => ({ ...t, lessons: t.lessons.filter((id) => this.lessonExists(id)) })).filter((t) => t.lessons.length > 0),
    ];
  }

  walkthroughs(locale: AppLocale): CatalogWalkthrough[] {
    const builtIn = listBuiltInWalkthroughs(locale).map((w) => ({ ...w, publisher: null }));
    const authored = this.authoredGuides.map(
      (g): CatalogWalkthrough => ({
        ...g.meta.frontmatter,
        locale: g.meta.locale,
        hasTranslation: g.meta.locale === locale,
        stepCount: g.meta.steps.length,
        publisher: g.publisher,
      }),
    );
    return [...builtIn, ...authored];
  }

  notes(): CatalogNote[] {
    return [...this.authoredNotes].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  }

  note(id: string): CatalogNote | null {
    return this.authoredNotes.find((n) => n.id === id) ?? null;
  }

  /** A published note's compiled body, or null when the reader has no such note. */
  async getNoteCode(id: string): Promise<string | null> {
    const note = this.note(id);
    return note ? ((await readCompiledContent(note.compiledKey))?.code ?? null) : null;
  }

  publisherOf(kind: "lesson" | "walkthrough", id: string): Publisher {
    return (kind === "lesson" ? this.lessonBySlug.get(id) : this.guideBySlug.get(id))?.publisher ?? null;
  }

  /** Whether the lesson exists for this reader and, when an item is named, has that quiz-like item. */
  lessonExists(lessonId: string, itemId?: string): boolean {
    const authored = this.lessonBySlug.get(lessonId);
    if (authored) return itemId === undefined || authored.meta.items.some((i) => i.id === itemId);
    return compiledIndex().lessons.some((l) => l.id === lessonId && (itemId === undefined || l.items.some((i) => i.id === itemId)));
  }

  /** How many screens the lesson's player has (the opening included). */
  lessonStepCount(lessonId: string): number {
    const authored = this.lessonBySlug.get(lessonId);
    if (authored) return authored.meta.steps.length;
    return Math.max(0, ...compiledIndex().lessons.filter((l) => l.id === lessonId).map((l) => l.steps));
  }

  async getLesson(id: string, locale: AppLocale): Promise<CompiledLesson | null> {
    const authored = this.lessonBySlug.get(id);
    if (!authored) return getBuiltInLesson(id, locale);
    const compiled = await readCompiledContent(authored.compiledKey);
    if (!compiled) return null;
    return { ...(compiled.data as Omit<CompiledLesson, "code">), code: compiled.code };
  }

  /** A quiz-like item of a lesson for review, in the reader's language when that version has it. */
  async getLessonItem(lessonId: string, itemId: string, locale: AppLocale): Promise<{ lesson: CompiledLesson; item: CompiledItem } | null> {
    for (const candidate of [locale, "uk"] as const) {
      const lesson = await this.getLesson(lessonId, candidate);
      const item = lesson?.items.find((i) => i.id === itemId);
      if (lesson && item) return { lesson, item };
    }
    return null;
  }

  async getWalkthrough(id: string, locale: AppLocale): Promise<CompiledWalkthrough | null> {
    const authored = this.guideBySlug.get(id);
    if (!authored) return getBuiltInWalkthrough(id, locale);
    const compiled = await readCompiledContent(authored.compiledKey);
    if (!compiled) return null;
    return { ...(compiled.data as Omit<CompiledWalkthrough, "code">), code: compiled.code };
  }

  walkthroughStepIds(id: string): string[] {
    const authored = this.guideBySlug.get(id);
    return authored ? authored.meta.steps.map((s) => s.id) : builtInStepIds(id);
  }

  /** The player's screens: the opening, one per step, and the practice check when the guide has one. */
  walkthroughScreenCount(id: string): number {
    const authored = this.guideBySlug.get(id);
    return authored ? 1 + authored.meta.steps.length + (authored.meta.items.length ? 1 : 0) : builtInScreenCount(id);
  }

  /** Titles for records that keep only ids (assignments, notifications, activity); an unknown id shows as itself. */
  titles(locale: AppLocale): (kind: string, id: string) => string {
    const lessons = new Map(this.lessons(locale).map((l) => [l.id, l.title]));
    const guides = new Map(this.walkthroughs(locale).map((w) => [w.id, w.title]));
    const tracks = new Map(this.tracks().map((t) => [t.id, t.title[locale]]));
    const notes = new Map(this.authoredNotes.map((n) => [n.id, n.title]));
    return (kind, id) => (kind === "walkthrough" ? guides : kind === "track" ? tracks : kind === "note" ? notes : lessons).get(id) ?? id;
  }
}
