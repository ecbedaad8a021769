import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { previewDraft } from "@/features/authoring/server/preview-draft";
import { LessonBody } from "@/features/lessons/components/lesson-body";
import { Expect, Hotspot, Mistake, Mistakes, TellClient, printGuideStep } from "@/features/walkthroughs/components/guide";
import { ClientMessages } from "@/ui/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("pages.previewTitle") };
}

/** Every screen at once, each headed by its number, so an author reads the whole lesson in one go. */
const Screen = ({ index, children }: { index: string | number; children: ReactNode }) => (
  <section className="mb-6 border-b border-dashed border-neutral-400 pb-4" data-screen={index}>
    {children}
  </section>
);

/**
 * The working copy as learners will see it, rendered by the learner's own components (the quiz
 * answers here are not recorded). A text with problems is not compiled: the page says so and links
 * back to the editor, where the problems are listed at their lines.
 */
export default async function AuthoringPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t] = await Promise.all([params, getTranslations("authoring")]);
  const preview = await loadForPage(previewDraft(user, id));
  const back = (
    <p className="mb-4 text-sm">
      <a href={`/authoring/${id}`}>{t("pages.backToEditor")}</a>
    </p>
  );
  if (!preview.compiled) {
    return (
      <>
        {back}
        <h1 className="page-title">{t("pages.previewTitle")}</h1>
        <p role="alert">{t("pages.previewHasProblems", { count: preview.problems.length })}</p>
      </>
    );
  }
  const compiled = preview.compiled;
  return (
    <ClientMessages namespaces={["lesson", "walkthrough"]}>
      {back}
      <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 p-3">{t("pages.previewNotice")}</p>
      {compiled.kind === "note" ? (
        <article className="mx-auto max-w-3xl">
          <LessonBody code={compiled.compiled.code} />
        </article>
      ) : compiled.kind === "lesson" ? (
        <article lang={compiled.compiled.locale} className="mx-auto max-w-3xl">
          <h1 className="page-title">{compiled.compiled.frontmatter.title}</h1>
          <p className="mb-4 text-lg">{compiled.compiled.frontmatter.summary}</p>
          <LessonBody code={compiled.compiled.code} components={{ LessonStep: Screen }} />
        </article>
      ) : (
        <article lang={compiled.compiled.locale} className="mx-auto max-w-4xl">
          <h1 className="page-title">{compiled.compiled.frontmatter.title}</h1>
          <p className="mb-4 text-lg">{compiled.compiled.frontmatter.summary}</p>
          <LessonBody
            code={compiled.compiled.code}
            components={{
              LessonStep: Screen,
              GuideStep: printGuideStep(compiled.compiled.steps.map((s) => s.id)),
              Hotspot,
              Expect,
              Mistakes,
              Mistake,
              TellClient,
            }}
          />
        </article>
      )}
    </ClientMessages>
  );
}
