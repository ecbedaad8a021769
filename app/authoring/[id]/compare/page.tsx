import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getVersionTexts } from "@/features/authoring/server/get-version-texts";
import { DiffView } from "@/ui/diff-view";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("pages.compareTitle") };
}

const which = (value: string | undefined): number | "draft" | undefined =>
  value === "draft" ? "draft" : value && /^\d{1,6}$/.test(value) ? Number(value) : undefined;

/** A readable diff of any two versions (or a version and the working copy), chosen with a plain GET form. */
export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const user = await requireUser();
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations("authoring")]);
  const texts = await loadForPage(getVersionTexts(user, id, which(query.from), which(query.to)));
  const label = (v: number | "draft") => (v === "draft" ? t("pages.workingCopy") : t("pages.versionNumber", { number: v }));
  const options = [...texts.numbers.map((n) => ({ value: String(n), label: label(n) })), { value: "draft", label: label("draft") }];
  return (
    <>
      <p className="mb-2 text-sm">
        <a href={`/authoring/${id}`}>{t("pages.backToEditor")}</a>
      </p>
      <h1 className="page-title">{t("pages.compareTitle")}</h1>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        {(
          [
            ["from", t("pages.compareFrom"), texts.from],
            ["to", t("pages.compareTo"), texts.to],
          ] as const
        ).map(([name, text, chosen]) => (
          <div key={name} className="grid gap-1">
            <label htmlFor={name}>{text}</label>
            <select id={name} name={name} className="input" defaultValue={String(chosen)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="btn-secondary">
          {t("pages.compareShow")}
        </button>
      </form>
      <h2 className="mb-2 text-xl font-semibold">{t("pages.compareHeading", { from: label(texts.from), to: label(texts.to) })}</h2>
      <DiffView
        before={texts.before}
        after={texts.after}
        labels={{
          added: t("diff.added"),
          removed: t("diff.removed"),
          unchanged: t("diff.unchanged"),
          lines: (from, to) => t("diff.lines", { from, to }),
          noChanges: t("diff.noChanges"),
          summary: (added, removed) => t("diff.summary", { added, removed }),
        }}
      />
    </>
  );
}
