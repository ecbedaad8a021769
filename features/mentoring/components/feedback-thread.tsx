import { getLocale, getTranslations } from "next-intl/server";
import type { FeedbackThread as Thread } from "../server/feedback";
import { FeedbackForm } from "./feedback-form";
import { MarkReadOnView } from "@/ui/mark-read-on-view";
import { kyivDateTimeFormat } from "@/lib/kyiv-calendar";

/**
 * The thread as both sides see it, with the reminder about client data above the form. It shows
 * one page of messages (the newest first time); "earlier messages" is a plain link with a cursor,
 * so paging back works without JavaScript. `path` is the page it sits on, `anchor` its section id.
 */
export async function FeedbackThread({ thread, path, anchor = "feedback" }: { thread: Thread; path: string; anchor?: string }) {
  const [t, locale] = await Promise.all([getTranslations("feedback"), getLocale()]);
  const when = kyivDateTimeFormat(locale === "en" ? "en" : "uk");
  const here = `${path}#${anchor}`;
  return (
    <section className="card mt-6" aria-labelledby={`${anchor}-title`} id={anchor}>
      <h2 id={`${anchor}-title`} className="mb-2 text-xl font-bold">
        {t("title", { curator: thread.curator.name, mentee: thread.mentee.name })}
      </h2>
      <p className="notice-warning mb-3 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-sm">{t("privacy")}</p>
      {thread.earlierCursor ? (
        <p className="mb-2">
          <a href={`${path}?before=${encodeURIComponent(thread.earlierCursor)}#${anchor}`}>{t("earlier")}</a>
        </p>
      ) : null}
      {thread.messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
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
      {thread.paged ? (
        <p className="mt-2">
          <a href={here}>{t("newest")}</a>
        </p>
      ) : null}
      {thread.hasUnread && thread.newestId ? (
        <MarkReadOnView
          action={`/api/v1/feedback/${encodeURIComponent(thread.curator.id)}/${encodeURIComponent(thread.mentee.id)}/read`}
          upTo={thread.newestId}
          next={here}
          label={t("markRead")}
        />
      ) : null}
      {thread.canWrite ? <FeedbackForm curatorId={thread.curator.id} menteeId={thread.mentee.id} /> : <p className="mt-3 text-sm">{t("closed")}</p>}
    </section>
  );
}
