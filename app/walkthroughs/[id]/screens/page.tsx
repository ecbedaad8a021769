import { GuideLegendItems } from "@/features/walkthroughs/components/guide-legend";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getCurrentUser } from "@/server/auth/current-user";
import { GuideMarks } from "@/features/walkthroughs/components/guide-marks";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale, t, user] = await Promise.all([params, getLocale(), getTranslations("walkthrough"), getCurrentUser()]);
  const title = user ? (await (await loadCatalog(user)).getWalkthrough(id, locale === "en" ? "en" : "uk"))?.frontmatter.title : undefined;
  return { title: title ? t("screensTitle", { title }) : (await getTranslations("notFound"))("title") };
}

/**
 * A guide's screens at full size, each with its marks and their legend: where the player's link
 * "Enlarge picture" under a step leads (`#screen-<step id>`). A phone shows a screen as wide as it
 * can with no limit on its height, a web page at its own width, scrolled sideways; the browser's
 * zoom enlarges them further (the drawings stay sharp). Plain links, no script.
 */
export default async function WalkthroughScreens({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("walkthrough"), getLocale()]);
  const guide = await (await loadCatalog(user)).getWalkthrough(id, localeRaw === "en" ? "en" : "uk");
  if (!guide) notFound();
  const total = guide.steps.length;
  return (
    <article lang={guide.locale} className="mx-auto max-w-6xl">
      <p className="mb-2 text-sm">
        <a href={`/walkthroughs/${id}`}>{t("backToGuide")}</a>
      </p>
      <h1 className="page-title">{t("screensTitle", { title: guide.frontmatter.title })}</h1>
      <p className="mb-6">{t("screensLead")}</p>
      {guide.steps.map((step, i) => {
        const headingId = `screen-${step.id}-title`;
        const picture = (
          <div className="relative" style={step.wide && step.size ? { width: `max(100%, ${step.size.width}px)` } : { maxWidth: "48rem" }}>
            <img
              src={step.screen}
              alt={step.alt}
              width={step.size?.width}
              height={step.size?.height}
              loading={i === 0 ? "eager" : "lazy"}
              className="block h-auto w-full rounded-lg border border-neutral-400 bg-white"
            />
            <GuideMarks marks={step.hotspots} size={step.size} />
          </div>
        );
        return (
          <section key={step.id} id={`screen-${step.id}`} aria-labelledby={headingId} className="mb-10 scroll-mt-4">
            <h2 id={headingId} className="mb-3 text-xl font-bold">
              {t("stepOfGuide", { n: i + 1, total, title: step.title })}
            </h2>
            {step.wide ? (
              // A web page keeps its own width: on a phone it scrolls sideways, also from the keyboard.
              <div className="overflow-x-auto pb-2" tabIndex={0} role="region" aria-label={t("screenRegion", { n: i + 1 })}>
                {picture}
              </div>
            ) : (
              picture
            )}
            <p className="mt-3 mb-1 font-semibold" id={`screen-${step.id}-legend`}>
              {t("onScreen")}
            </p>
            <ol className="guide-legend mb-3" aria-labelledby={`screen-${step.id}-legend`}>
              <GuideLegendItems marks={step.hotspots.map((h) => ({ n: h.n, label: h.label }))} />
            </ol>
            {/* The player's screens: the opening is the first, so step 1 is ?step=2. */}
            <a href={`/walkthroughs/${id}?step=${i + 2}`}>{t("backToStep", { n: i + 1 })}</a>
          </section>
        );
      })}
    </article>
  );
}
