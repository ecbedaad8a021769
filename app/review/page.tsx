import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getReviewSession, REVIEW_SESSION_SECONDS } from "@/features/progress/server/review";
import { LessonBody } from "@/features/lessons/components/lesson-body";
import { ReviewItemView, ReviewSession } from "@/features/progress/components/review-session";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("title") };
}

export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const user = await requireUser();
  const [t, localeRaw] = await Promise.all([getTranslations("review"), getLocale()]);
  const session = await getReviewSession(user, localeRaw === "en" ? "en" : "uk");
  return (
    <ClientMessages namespaces={["lesson", "review"]}>
      <div className="mx-auto max-w-3xl">
        <h1 className="page-title">{t("title")}</h1>
        {session.items.length === 0 ? (
          <section className="card">
            <p className="mb-3">{t("nothingDue")}</p>
            <a className="btn" href="/today">
              {t("toToday")}
            </a>
          </section>
        ) : (
          <>
            <p className="mb-4">{t("lead", { due: session.due, count: session.items.length })}</p>
            <ReviewSession items={session.items.map(({ lessonId, itemId }) => ({ lessonId, itemId }))} due={session.due} limitSeconds={REVIEW_SESSION_SECONDS}>
              {session.items.map((item, i) => (
                <ReviewItemView key={`${item.lessonId}/${item.itemId}`} index={i} lessonId={item.lessonId} itemId={item.itemId}>
                  <p className="text-sm text-muted">
                    {t("fromLesson")} <a href={`/lessons/${item.lessonId}`}>{item.lessonTitle}</a>
                  </p>
                  <div lang={item.locale}>
                    <LessonBody code={item.code} contentId={item.lessonId} />
                  </div>
                </ReviewItemView>
              ))}
            </ReviewSession>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
