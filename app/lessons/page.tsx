import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadCatalog, type CatalogLesson } from "@/features/content/server/load-catalog";
import { PublisherLine } from "@/features/content/components/publisher-line";
import { getFramework } from "@/features/competences/server/framework";
import { completedLessonIds } from "@/features/progress/server/lesson-position";
import { ClientMessages } from "@/ui/client-messages";
import { SaveOffline } from "@/features/offline/components/save-offline";
import { trackBundle, type OfflineThing } from "@/features/offline/server/bundles";
import { isLowDataRequest } from "@/features/accounts/server/low-data";

export async function generateMetadata() {
  return { title: (await getTranslations("lessons"))("title") };
}

type Search = { q?: string; competence?: string; level?: string; minutes?: string };

/** One filter of the catalog: a labelled select whose first choice means "any". */
function FilterSelect({
  name,
  label,
  any,
  value,
  options,
}: {
  name: string;
  label: string;
  any: string;
  value?: string;
  options: [value: string, label: string][];
}) {
  return (
    <div>
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function LessonsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const [params, t, localeRaw, done, catalog, lowData] = await Promise.all([
    searchParams,
    getTranslations("lessons"),
    getLocale(),
    completedLessonIds(user),
    loadCatalog(user),
    isLowDataRequest(),
  ]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const level = Number(params.level) || undefined;
  const maxMinutes = Number(params.minutes) || undefined;
  const lessons = catalog.findLessons(locale, { q: params.q, competence: params.competence || undefined, level, maxMinutes });
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const fw = getFramework();
  const filtered = Boolean(params.q || params.competence || level || maxMinutes);
  const tracks = catalog.tracks();
  const inTracks = new Set(tracks.flatMap((track) => track.lessons));
  const outside = lessons.filter((l) => !inTracks.has(l.id));
  // A whole track saved for offline, offered where the track is listed whole (not in a filtered list).
  const trackThings = new Map<string, OfflineThing | null>(
    filtered ? [] : (await Promise.all(tracks.map((tr) => trackBundle(user, tr.id, locale)))).map((b, i) => [tracks[i]!.id, b]),
  );
  // A lesson without an English version shows its Ukrainian title and summary: marked as Ukrainian for screen readers.
  const textLang = (hasTranslation: boolean) => (locale === "en" && !hasTranslation ? "uk" : undefined);
  const card = (l: CatalogLesson) => (
    <li key={l.id} className="card">
      <h3 className="font-semibold" lang={textLang(l.hasTranslation)}>
        <a href={`/lessons/${l.id}`}>{l.title}</a>
      </h3>
      <p className="text-sm" lang={textLang(l.hasTranslation)}>
        {l.summary}
      </p>
      <PublisherLine publisher={l.publisher} locale={locale} className="mt-1 text-sm text-muted" />
      <p className="mt-1 text-sm text-muted">
        {t("minutes", { minutes: l.minutes })}
        {locale === "en" && !l.hasTranslation ? ` · ${t("ukrainianOnly")}` : ""}
        {done.has(l.id) ? <strong className="text-brand-800"> · ✓ {t("done")}</strong> : null}
      </p>
    </li>
  );
  return (
    <ClientMessages namespaces={["offlineSave"]}>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      <form method="get" role="search" className="card mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2 lg:col-span-4">
          <label htmlFor="q" className="mb-1 block font-semibold">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={params.q ?? ""} className="input" />
        </div>
        <FilterSelect
          name="competence"
          label={t("competence")}
          any={t("any")}
          value={params.competence}
          options={fw.competences.map((c) => [c.id, `${c.id} ${c.title[locale]}`])}
        />
        <FilterSelect name="level" label={t("level")} any={t("any")} value={params.level} options={fw.levels.map((l) => [String(l.level), l.title[locale]])} />
        <FilterSelect
          name="minutes"
          label={t("duration")}
          any={t("any")}
          value={params.minutes}
          options={[3, 4, 5].map((m) => [String(m), t("upTo", { minutes: m })])}
        />
        <div className="flex items-end gap-3">
          <button type="submit" className="btn">
            {t("apply")}
          </button>
          {filtered ? <a href="/lessons">{t("reset")}</a> : null}
        </div>
      </form>
      <p role="status" className="mb-4">
        {t("found", { count: lessons.length })}
      </p>
      {tracks.map((track) => {
        const items = track.lessons.map((id) => byId.get(id)).filter((l): l is NonNullable<typeof l> => Boolean(l));
        if (!items.length) return null;
        return (
          <section key={track.id} className="mb-8" aria-labelledby={`track-${track.id}`}>
            <h2 id={`track-${track.id}`} className="mb-1 text-xl font-bold">
              {track.title[locale]}
            </h2>
            <p className="mb-3 max-w-prose text-muted">{track.description[locale]}</p>
            {trackThings.get(track.id) ? <SaveOffline thing={trackThings.get(track.id)!} lowData={lowData} what="track" /> : null}
            <ol className="grid gap-3 sm:grid-cols-2">{items.map(card)}</ol>
          </section>
        );
      })}
      {/* A lesson written in the app belongs to no track until a methodologist adds it to one; it is listed here, not lost. */}
      {outside.length ? (
        <section className="mb-8" aria-labelledby="track-none">
          <h2 id="track-none" className="mb-3 text-xl font-bold">
            {t("otherLessons")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">{outside.map(card)}</ul>
        </section>
      ) : null}
    </ClientMessages>
  );
}
