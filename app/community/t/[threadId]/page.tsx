import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getThread, type PostView } from "@/features/community/server/get-thread";
import { loadForPage } from "@/app/_lib/page-access";
import { PostForm } from "@/features/community/components/post-form";
import { PostActions } from "@/features/community/components/post-actions";
import { FollowControl } from "@/features/community/components/follow-control";
import { MarkReadOnView } from "@/ui/mark-read-on-view";
import { LockControl } from "@/features/community/components/lock-control";
import { ClientMessages } from "@/ui/client-messages";
import { DecisionForm, FlagForm, ThreadModerationForms } from "@/features/community/components/moderation-forms";
import { getThreadKnowledge } from "@/features/community/server/get-thread-knowledge";
import { ThreadKnowledgeControl } from "@/features/community/components/thread-knowledge-control";
import { CommunityComposer } from "@/features/community/components/composer-context";
import { QuoteButton } from "@/features/community/components/quote-button";
import { quoteForReply } from "@/features/community/server/quote-for-reply";
import { PageNav } from "@/ui/page-nav";

export const dynamic = "force-dynamic";

/**
 * A thread: the question, the accepted answer right under it, then the replies in order, 30 posts a
 * page (`?page=N`, `?page=last`, or `?post=<id>` for the page holding a post). The posts'
 * HTML was rendered and sanitized when written (features/community/render). Reading writes nothing;
 * the read mark is sent by the page afterwards (or by its button without JavaScript).
 */
export default async function ThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ threadId: string }>;
  searchParams: Promise<{ page?: string | string[]; post?: string | string[]; quote?: string | string[] }>;
}) {
  const user = await requireUser();
  const [{ threadId }, query, t, ts, tm, localeRaw] = await Promise.all([
    params,
    searchParams,
    getTranslations("community"),
    getTranslations("communitySearch"),
    getTranslations("communityModeration"),
    getLocale(),
  ]);
  // ?post=<id> opens the page that holds the post (search results link so); ?page=N or ?page=last.
  const postParam = typeof query.post === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(query.post) ? query.post : undefined;
  const pageParam =
    typeof query.page === "string" ? (query.page === "last" ? "last" : /^\d{1,5}$/.test(query.page) ? Number(query.page) : undefined) : undefined;
  const [thread, knowledge] = await loadForPage(
    Promise.all([getThread(user, threadId, { page: pageParam, postId: postParam }), getThreadKnowledge(user, threadId)]),
  );
  // "Quote" without JavaScript: ?quote=<postId> puts that post's quotation in the reply form (decision 025).
  const quotation = thread.canReply ? await quoteForReply(user, thread.id, query.quote) : undefined;
  const pageHref = (to: number) => (to > 1 ? `/community/t/${thread.id}?page=${to}` : `/community/t/${thread.id}`);
  const pageNav = <PageNav page={thread.page} pageCount={thread.pageCount} href={pageHref} label={ts("threadPagesLabel")} />;
  const when = new Intl.DateTimeFormat(localeRaw === "en" ? "en-GB" : "uk-UA", {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Kyiv",
  });
  const here = `/community/t/${thread.id}`;
  // An erased author (decision 051) is "a former member": no name, nothing that leads to them.
  const authorOf = (p: PostView) => p.authorName ?? t("formerMember");
  const post = (p: PostView, heading: string | null) => (
    <article key={p.id} id={`post-${p.id}`} className={`card ${p.isUnread ? "border-l-4 border-l-brand-700" : ""}`} aria-label={heading ?? authorOf(p)}>
      {heading ? <h2 className="mb-1 text-lg font-bold text-green-800">✓ {heading}</h2> : null}
      <p className="text-sm text-muted">
        {t("by", { name: authorOf(p), date: when.format(new Date(p.createdAt)) })}
        {p.editedAt ? ` · ${t("edited")}` : ""}
        {p.canSeeHistory ? (
          <>
            {" · "}
            <a href={`/community/t/${thread.id}/history/${p.id}`}>{t("history")}</a>
          </>
        ) : null}
        {p.isUnread ? <span className="ml-2 font-semibold text-brand-800">{t("unread")}</span> : null}
      </p>
      {p.isHidden ? (
        <div role="note" className="my-2 rounded border border-amber-700 bg-amber-50 p-2 text-sm">
          <p className="font-semibold">{p.html ? tm("hiddenForAuthor") : tm("hiddenNotice")}</p>
          {p.html && p.hiddenReason ? <p>{tm("hiddenReason", { reason: p.hiddenReason })}</p> : null}
          {p.html && !p.hiddenReason ? <p>{tm("hiddenByFlags")}</p> : null}
        </div>
      ) : null}
      {p.isRemoved ? (
        <p className="italic text-muted">{t("removed")}</p>
      ) : p.isHidden && !p.html ? null : (
        <div className="lesson-prose break-words" dangerouslySetInnerHTML={{ __html: p.html }} />
      )}
      {p.isRemoved || (p.isHidden && !p.html) ? null : (
        <PostActions
          postId={p.id}
          helpfulCount={p.helpfulCount}
          markedHelpful={p.markedHelpful}
          canMarkHelpful={!p.isMine}
          canAccept={p.canAccept}
          canDelete={p.canDelete}
          editableBody={p.canEdit ? p.body : null}
        />
      )}
      {p.hasFlagged ? (
        <p className="mt-2 text-sm" role="status">
          {tm("flagged")}
        </p>
      ) : null}
      {p.canFlag ? <FlagForm postId={p.id} next={`${here}#post-${p.id}`} /> : null}
      {p.moderationVersion !== null ? (
        <details className="mt-2">
          <summary className="inline-block min-h-6 cursor-pointer py-1 text-sm font-semibold">{tm("postModeration")}</summary>
          <DecisionForm postId={p.id} version={p.moderationVersion} isHidden={p.isHidden} next={`${here}#post-${p.id}`} canDismiss={false} />
        </details>
      ) : null}
      {p.isRemoved || p.isHidden || !thread.canReply ? null : <QuoteButton postId={p.id} authorName={authorOf(p)} />}
    </article>
  );
  return (
    <ClientMessages namespaces={["community", "communityKnowledge", "communityDrafts", "common"]}>
      <CommunityComposer userId={user.id} />
      <p className="mb-2 text-sm">
        <a href={`/community/${thread.space.slug}`}>{t("backToSpace", { name: thread.space.name })}</a>
      </p>
      <p className="text-sm">
        <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-800">{t(`kinds.${thread.kind}`)}</span>
        {thread.isPinned ? <span className="ml-2 font-semibold">{tm("pinned")}</span> : null}
      </p>
      <h1 className="page-title">{thread.title}</h1>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        {thread.firstUnreadId && thread.firstUnreadPage ? (
          <a href={`${thread.firstUnreadPage === thread.page ? "" : pageHref(thread.firstUnreadPage)}#post-${thread.firstUnreadId}`}>{t("jumpToUnread")}</a>
        ) : null}
        <FollowControl threadId={thread.id} state={thread.follow} />
      </div>
      {thread.page === 1 ? (
        <div className="grid gap-4">
          {thread.question ? post(thread.question, null) : null}
          {thread.accepted ? post(thread.accepted, t("acceptedAnswer")) : null}
          <ThreadKnowledgeControl threadId={thread.id} knowledge={knowledge} />
        </div>
      ) : (
        <p>
          {ts("laterPage")} <a href={pageHref(1)}>{ts("toFirstPage")}</a>
        </p>
      )}
      {thread.replies.length > 0 ? (
        <section aria-labelledby="replies-heading" className="mt-6">
          <h2 id="replies-heading" className="mb-2 text-xl font-bold">
            {t("replies_heading")}
          </h2>
          <div className="grid gap-4">{thread.replies.map((p) => post(p, null))}</div>
        </section>
      ) : null}
      {pageNav}
      {thread.newestAt ? (
        <MarkReadOnView
          action={`/api/v1/community/threads/${encodeURIComponent(thread.id)}/read`}
          upTo={thread.newestAt}
          next={pageHref(thread.page)}
          label={t("markRead")}
        />
      ) : null}
      <section id="reply" aria-labelledby="reply-heading" className="mt-8">
        <h2 id="reply-heading" className="text-xl font-bold">
          {t("reply")}
        </h2>
        {thread.suspension ? (
          <p role="status" className="rounded border border-amber-700 bg-amber-50 p-2">
            {tm(thread.suspension.isEverywhere ? "suspendedEverywhere" : "suspendedNotice", {
              date: when.format(new Date(thread.suspension.endsAt)),
              reason: thread.suspension.reason,
            })}
          </p>
        ) : thread.canReply ? (
          <PostForm mode="reply" threadId={thread.id} initialBody={quotation} />
        ) : (
          <p>{t("lockedNotice")}</p>
        )}
      </section>
      {thread.canModerate ? <LockControl threadId={thread.id} isLocked={thread.isLocked} /> : null}
      {thread.canModerate ? (
        <section aria-labelledby="thread-moderation-heading" className="card mt-4 grid gap-4">
          <h2 id="thread-moderation-heading" className="text-lg font-bold">
            {tm("moderatorTools")}
          </h2>
          <ThreadModerationForms threadId={thread.id} isPinned={thread.isPinned} moveTargets={thread.moveTargets} next={here} />
          <p>
            <a href={`/community/${thread.space.slug}/moderation`}>{tm("openQueue")}</a> ·{" "}
            <a href={`/community/${thread.space.slug}/moderation/log`}>{tm("openLog")}</a>
          </p>
        </section>
      ) : null}
    </ClientMessages>
  );
}
