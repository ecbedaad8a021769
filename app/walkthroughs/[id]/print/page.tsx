import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { requireUser } from "@/server/auth/require-user";
import { getEnv } from "@/server/env";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { getCurrentUser } from "@/server/auth/current-user";
import { getFreshness } from "@/features/walkthroughs/server/freshness";
import { LessonBody } from "@/features/lessons/components/lesson-body";
import { Expect, Hotspot, Mistake, Mistakes, TellClient, printGuideStep } from "@/features/walkthroughs/components/guide";
import { FreshnessLine } from "@/features/walkthroughs/components/freshness-line";
import { PrintButton } from "@/ui/print-button";
import { HANDOUT_FORMATS, handoutFormat } from "@/features/walkthroughs/handout-format";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale, t, user] = await Promise.all([params, getLocale(), getTranslations("walkthrough"), getCurrentUser()]);
  const title = user ? (await (await loadCatalog(user)).getWalkthrough(id, locale === "en" ? "en" : "uk"))?.frontmatter.title : undefined;
  return { title: title ? t("handoutTitle", { title }) : "" };
}

const FORMAT_LABEL = { standard: "formatStandard", large: "formatLarge", text: "formatText" } as const;

/** On paper every screen shows at once; the practice check stays online. */
const Passthrough = ({ children }: { children: ReactNode }) => <section>{children}</section>;
const Nothing = () => null;

/**
 * The printable handout of a guide: A4, numbered steps with their screens and marks, and a QR code
 * back to the online guide, in three layouts (`?format=`): standard (two steps side by side, so an
 * eight-step guide takes two to four pages), large print for older clients (one step a row, small
 * screen beside large text) and text only. It prints from the browser's own print dialog.
 */
export default async function WalkthroughHandout({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ format?: string | string[] }>;
}) {
  const user = await requireUser();
  const [{ id }, query, t, localeRaw] = await Promise.all([params, searchParams, getTranslations("walkthrough"), getLocale()]);
  const format = handoutFormat(query.format);
  const locale = localeRaw === "en" ? "en" : "uk";
  const guide = await (await loadCatalog(user)).getWalkthrough(id, locale);
  if (!guide) notFound();
  const url = `${getEnv().appUrl}/walkthroughs/${id}`;
  const [qr, freshness] = await Promise.all([
    QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
    getFreshness([id], () => guide.frontmatter),
  ]);
  const fm = guide.frontmatter;
  return (
    <article lang={guide.locale} className={`handout handout-${format} mx-auto max-w-4xl`}>
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <PrintButton label={t("printNow")} />
        <a href={`/walkthroughs/${id}`}>{t("backToGuide")}</a>
      </div>
      <nav className="no-print mb-4" aria-labelledby="handout-format">
        <p id="handout-format" className="mb-1 font-semibold">
          {t("handoutFormat")}
        </p>
        <ul className="flex flex-wrap gap-2">
          {HANDOUT_FORMATS.map((f) => (
            <li key={f}>
              <a
                href={f === "standard" ? `/walkthroughs/${id}/print` : `/walkthroughs/${id}/print?format=${f}`}
                aria-current={f === format ? "page" : undefined}
                className={f === format ? "btn" : "btn-secondary"}
              >
                {t(FORMAT_LABEL[f])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <header className="mb-6 flex items-start justify-between gap-6 border-b-2 border-neutral-800 pb-4">
        <div>
          <h1 className="mb-2 text-3xl font-bold">{fm.title}</h1>
          <p className="mb-2 text-xl">{fm.summary}</p>
          <p className="text-lg">
            {t("platform")} {fm.platform.name} — {fm.platform.url}
          </p>
          <FreshnessLine freshness={freshness.get(id) ?? null} />
        </div>
        <figure className="m-0 w-36 shrink-0 text-center">
          <div className="qr" role="img" aria-label={t("qrAlt", { url })} dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption className="mt-1 text-sm">{t("qrCaption")}</figcaption>
        </figure>
      </header>
      <LessonBody
        code={guide.code}
        components={{
          LessonStep: Passthrough,
          GuideStep: printGuideStep(
            guide.steps.map((s) => s.id),
            format,
          ),
          Hotspot,
          Expect,
          Mistakes,
          Mistake,
          TellClient,
          Quiz: Nothing,
          TrueFalse: Nothing,
          Option: Nothing,
        }}
      />
      <p className="mt-8 border-t border-neutral-400 pt-2 text-sm">{t("handoutFooter", { url })}</p>
    </article>
  );
}
