import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { publisherText } from "@/features/content/components/publisher-line";
import { NOTE_KINDS } from "@/features/authoring/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("notes.title") };
}

/** Methodology notes for the reader: national ones and their region's, newest first, by kind. */
export default async function MethodologyPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const user = await requireUser();
  const [query, t, localeRaw] = await Promise.all([searchParams, getTranslations("authoring"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const kind = NOTE_KINDS.find((k) => k === query.kind);
  const notes = (await loadCatalog(user)).notes().filter((n) => !kind || n.noteKind === kind);
  const publishers = await Promise.all(notes.map((n) => publisherText(n.publisher, locale)));
  const day = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Kyiv" });
  return (
    <>
      <h1 className="page-title">{t("notes.title")}</h1>
      <p className="mb-4 max-w-prose">{t("notes.lead")}</p>
      <nav aria-label={t("notes.filter")} className="mb-6 flex flex-wrap gap-3">
        <a href="/methodology" aria-current={!kind ? "page" : undefined}>
          {t("notes.all")}
        </a>
        {NOTE_KINDS.map((k) => (
          <a key={k} href={`/methodology?kind=${k}`} aria-current={kind === k ? "page" : undefined}>
            {t(`noteKinds.${k}`)}
          </a>
        ))}
      </nav>
      {notes.length ? (
        <ul className="grid gap-4">
          {notes.map((n, i) => (
            <li key={n.id} className="rounded border border-neutral-300 p-3">
              <h2 className="text-lg font-semibold">
                <a href={`/methodology/${n.id}`}>{n.title}</a>
              </h2>
              {n.summary ? <p>{n.summary}</p> : null}
              <p className="text-sm text-muted">
                {t(`noteKinds.${n.noteKind as (typeof NOTE_KINDS)[number]}`)} · {publishers[i]} · {day.format(n.publishedAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("notes.none")}</p>
      )}
    </>
  );
}
