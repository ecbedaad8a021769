import { getLocale, getTranslations } from "next-intl/server";
import type { FeedbackThread as Thread } from "../server/feedback";
import { FeedbackForm } from "./feedback-form";

/** The thread as both sides see it, with the reminder about client data above the form. */
export async function FeedbackThread({ thread }: { thread: Thread }) {
  const [t, locale] = await Promise.all([getTranslations("feedback"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Kyiv" });
  return (
    <section className="card mt-6" aria-labelledby="feedback" id="feedback">
      <h2 id="feedback" className="mb-2 text-xl font-bold">{t("title", { curator: thread.curator.name, mentee: thread.mentee.name })}</h2>
      <p className="notice-warning mb-3 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-sm">{t("privacy")}</p>
      {thread.messages.length === 0 ? <p>{t("empty")}</p> : (
        <ol className="grid gap-2">
          {thread.messages.map((m) => (
            <li key={m.id} className={`rounded-md p-3 ${m.mine ? "ml-8 bg-brand-50" : "mr-8 bg-neutral-100"}`}>
              <p className="text-sm text-muted">
                {m.mine ? t("you") : m.authorName} · {when.format(new Date(m.createdAt))}
                {m.mine ? ` · ${m.read ? t("read") : t("unread")}` : m.read ? "" : ` · ${t("new")}`}
              </p>
              <p className="whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {thread.canWrite ? <FeedbackForm curatorId={thread.curator.id} menteeId={thread.mentee.id} /> : <p className="mt-3 text-sm">{t("closed")}</p>}
    </section>
  );
}
