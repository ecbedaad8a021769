import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import type { WalkthroughCard } from "@/features/walkthroughs/server/catalog";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { PublisherLine } from "@/features/content/components/publisher-line";
import { completedWalkthroughIds } from "@/features/walkthroughs/server/progress";
import { getFreshness } from "@/features/walkthroughs/server/freshness";

export async function generateMetadata() {
  return { title: (await getTranslations("walkthroughs"))("title") };
}

export default async function WalkthroughsPage() {
  const user = await requireUser();
  const [t, localeRaw, catalog] = await Promise.all([getTranslations("walkthroughs"), getLocale(), loadCatalog(user)]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const guides = catalog.walkthroughs(locale);
  const [done, freshness] = await Promise.all([
    completedWalkthroughIds(user),
    getFreshness(
      guides.map((g) => g.id),
      (id) => guides.find((g) => g.id === id),
    ),
  ]);
  const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const section = (audience: WalkthroughCard["audience"]) => {
    const items = guides.filter((g) => g.audience === audience);
    if (!items.length) return null;
    return (
      <section className="mb-8" aria-labelledby={`aud-${audience}`}>
        <h2 id={`aud-${audience}`} className="mb-1 text-xl font-bold">
          {t(audience)}
        </h2>
        <p className="mb-3 max-w-prose text-muted">{t(`${audience}Lead`)}</p>
        <ul className="grid gap-3 sm:grid-cols-2">
          {items.map((g) => {
            const f = freshness.get(g.id) ?? null;
            return (
              <li key={g.id} className="card">
                {/* A guide without an English version shows its Ukrainian title and summary: marked as Ukrainian. */}
                <h3 className="font-semibold" lang={locale === "en" && !g.hasTranslation ? "uk" : undefined}>
                  <a href={`/walkthroughs/${g.id}`}>{g.title}</a>
                </h3>
                <p className="text-sm" lang={locale === "en" && !g.hasTranslation ? "uk" : undefined}>
                  {g.summary}
                </p>
                <PublisherLine publisher={g.publisher} locale={locale} className="mt-1 text-sm text-muted" />
                <p className="mt-1 text-sm text-muted">
                  {g.platform.name} · {t("meta", { minutes: g.minutes, steps: g.stepCount })}
                  {locale === "en" && !g.hasTranslation ? ` · ${t("ukrainianOnly")}` : ""}
                  {done.has(g.id) ? <strong className="text-brand-800"> · ✓ {t("done")}</strong> : null}
                </p>
                <p className="text-sm text-muted">{f ? t("verifiedOn", { date: date.format(new Date(`${f.verifiedOn}T12:00:00Z`)) }) : t("notVerified")}</p>
              </li>
            );
          })}
        </ul>
      </section>
    );
  };
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-6 max-w-prose">{t("lead")}</p>
      {can(user, "read:walkthrough-queue", { regionId: user.regionId }) ? (
        <p className="mb-6">
          <a className="btn-secondary" href="/walkthroughs/queue">
            {t("queueLink")}
          </a>
        </p>
      ) : null}
      {section("client")}
      {section("worker")}
    </>
  );
}
