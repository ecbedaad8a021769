import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getPostHistory, type PostVersion } from "@/features/community/server/get-post-history";

export async function generateMetadata() {
  return { title: (await getTranslations("community"))("historyTitle") };
}

export const dynamic = "force-dynamic";

/** A post's versions, newest first, as plain text: for its author and the space's moderators (404/403 otherwise). */
export default async function PostHistoryPage({ params }: { params: Promise<{ threadId: string; postId: string }> }) {
  const user = await requireUser();
  const [{ threadId, postId }, t, locale] = await Promise.all([params, getTranslations("community"), getLocale()]);
  const history = await loadForPage(getPostHistory(user, postId));
  if (history.threadId !== threadId) notFound();
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  const version = (v: PostVersion, heading: string, key: string) => (
    <li key={key} className="card">
      <h2 className="text-lg font-bold">{heading}</h2>
      <p className="mb-2 text-sm text-muted">
        {v.editedByName ? t("historyEditedBy", { name: v.editedByName }) : t("historyOriginal", { name: history.authorName })}
      </p>
      {v.body ? <pre className="font-sans break-words whitespace-pre-wrap">{v.body}</pre> : <p>{t("historyRemoved")}</p>}
    </li>
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <a href={`/community/t/${history.threadId}#post-${history.postId}`}>{t("historyBack", { title: history.threadTitle })}</a>
      </p>
      <h1 className="page-title">{t("historyTitle")}</h1>
      <p className="mb-4">{t("historyLead")}</p>
      <ol className="grid gap-4">
        {version(history.current, `${t("historyCurrent")} · ${when.format(new Date(history.current.at))}`, "current")}
        {history.earlier.map((v, i) => version(v, t("historyVersion", { date: when.format(new Date(v.at)) }), String(i)))}
      </ol>
    </>
  );
}
