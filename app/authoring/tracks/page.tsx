import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { listRegionTracks } from "@/features/authoring/server/list-region-tracks";
import { loadCatalog } from "@/features/content/server/load-catalog";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("tracks.title") };
}

/** A region's own learning tracks: lessons in an order the region's methodologists choose, for its learners. */
export default async function RegionTracksPage() {
  const user = await requireUser();
  if (!can(user, "manage:region-track", { regionId: user.regionId })) forbidden();
  const [t, localeRaw] = await Promise.all([getTranslations("authoring"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const [tracks, catalog] = await Promise.all([listRegionTracks(user), loadCatalog(user)]);
  const lessons = catalog.lessons(locale);
  const titleOf = new Map(lessons.map((l) => [l.id, l.title]));
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/authoring">{t("pages.backToList")}</a>
      </p>
      <h1 className="page-title">{t("tracks.title")}</h1>
      <p className="mb-6 max-w-prose">{t("tracks.lead")}</p>
      {tracks.length ? (
        <ul className="mb-8 grid gap-4">
          {tracks.map((track) => (
            <li key={track.slug} className="rounded border border-neutral-300 p-3">
              <h2 className="text-lg font-semibold">{track.title}</h2>
              <p className="mb-2">{track.description}</p>
              <ol className="list-decimal pl-6">
                {track.lessons.map((id) => (
                  <li key={id}>
                    <a href={`/lessons/${id}`}>{titleOf.get(id) ?? id}</a>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-8">{t("tracks.none")}</p>
      )}
      <section aria-labelledby="new-track" className="max-w-2xl">
        <h2 id="new-track" className="mb-2 text-xl font-semibold">
          {t("tracks.new")}
        </h2>
        <form method="post" action="/api/v1/authoring/tracks" className="grid gap-4">
          <input type="hidden" name="next" value="/authoring/tracks" />
          <div className="grid gap-1">
            <label htmlFor="track-title" className="font-semibold">
              {t("tracks.name")}
            </label>
            <input id="track-title" name="title" className="input" required minLength={3} maxLength={120} />
          </div>
          <div className="grid gap-1">
            <label htmlFor="track-description" className="font-semibold">
              {t("tracks.description")}
            </label>
            <input id="track-description" name="description" className="input" required minLength={10} maxLength={400} />
          </div>
          <fieldset className="grid gap-1">
            <legend className="font-semibold">{t("tracks.lessons")}</legend>
            <p className="text-sm text-muted">{t("tracks.lessonsHint")}</p>
            {lessons.map((l) => (
              <label key={l.id} className="flex items-start gap-2">
                <input type="checkbox" name="lessons" value={l.id} className="mt-1" /> <span>{l.title}</span>
              </label>
            ))}
          </fieldset>
          <p>
            <button type="submit" className="btn">
              {t("tracks.create")}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}
