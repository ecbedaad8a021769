import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getNoteAttachments } from "@/features/authoring/server/get-note-attachments";
import { LessonBody } from "@/features/lessons/components/lesson-body";
import type { NOTE_KINDS } from "@/features/authoring/schemas";
import { publisherText } from "@/features/content/components/publisher-line";

export const dynamic = "force-dynamic";

/** A methodology note: its compiled body (compiled once when approved), who publishes it, and its PDF attachments. */
export default async function MethodologyNotePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("authoring"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const catalog = await loadCatalog(user);
  const note = catalog.note(id);
  const code = note ? await catalog.getNoteCode(id) : null;
  if (!note || !code) notFound();
  const [attachments, publisher] = await Promise.all([getNoteAttachments(note), publisherText(note.publisher, locale)]);
  const day = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Kyiv" });
  return (
    <article lang="uk" className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <a href="/methodology">{t("notes.title")}</a>
      </p>
      <h1 className="page-title">{note.title}</h1>
      {note.summary ? <p className="mb-2 text-lg">{note.summary}</p> : null}
      <p className="mb-6 text-sm text-muted">
        {t(`noteKinds.${note.noteKind as (typeof NOTE_KINDS)[number]}`)} · {publisher} ·{" "}
        {t("notes.published", { date: day.format(note.publishedAt), version: note.version })}
      </p>
      <LessonBody code={code} />
      {attachments.length ? (
        <section aria-labelledby="attachments" className="mt-8">
          <h2 id="attachments" className="mb-2 text-xl font-semibold">
            {t("notes.attachments")}
          </h2>
          <ul className="grid gap-2">
            {attachments.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/files/${f.id}`}>{f.name}</a> (PDF, {Math.ceil(f.size / 1024)} KB)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
