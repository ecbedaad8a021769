import { getLocale, getTranslations } from "next-intl/server";
import { nameInCase } from "@/server/name-cases";
import { FLAG_REASONS, SUSPENSION_DAYS } from "../moderation-types";

/*
 * Moderation forms are plain HTML form posts to the /api/v1 endpoints that accept forms: they work
 * without JavaScript and come back to the page (`next`) with a 303. Every action asks for a reason.
 */

function ReasonField({ id, label }: { id: string; label: string }) {
  return (
    <>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input id={id} name="reason" className="input" required minLength={3} maxLength={500} />
    </>
  );
}

/** A reader flags someone else's post: a reason from the list and an optional note, behind a disclosure. */
export async function FlagForm({ postId, next }: { postId: string; next: string }) {
  const t = await getTranslations("communityModeration");
  return (
    <details className="mt-2">
      <summary className="inline-block min-h-6 cursor-pointer py-1 text-sm font-semibold">{t("flag")}</summary>
      <form method="post" action={`/api/v1/community/posts/${encodeURIComponent(postId)}/flags`} className="mt-2 grid gap-2">
        <input type="hidden" name="next" value={next} />
        <fieldset className="grid gap-1">
          <legend className="font-semibold">{t("flagReason")}</legend>
          {FLAG_REASONS.map((r, i) => (
            <label key={r} className="flex items-center gap-2">
              <input type="radio" name="reason" value={r} required defaultChecked={i === 0} />
              {t(`reasons.${r}`)}
            </label>
          ))}
        </fieldset>
        <FlagNote id={`flag-note-${postId}`} label={t("flagNote")} />
        <div>
          <button type="submit" className="btn-secondary">
            {t("flagSend")}
          </button>
        </div>
      </form>
    </details>
  );
}

function FlagNote({ id, label }: { id: string; label: string }) {
  return (
    <>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <textarea id={id} name="note" className="input" rows={2} maxLength={500} />
    </>
  );
}

/** A moderator decides on a post: hide (or restore a hidden one) or dismiss its flags, with a reason. */
export async function DecisionForm({
  postId,
  version,
  isHidden,
  next,
  canDismiss,
}: {
  postId: string;
  version: number;
  isHidden: boolean;
  next: string;
  canDismiss: boolean;
}) {
  const t = await getTranslations("communityModeration");
  return (
    <form method="post" action={`/api/v1/community/posts/${encodeURIComponent(postId)}/moderation`} className="mt-2 grid gap-2">
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="version" value={version} />
      <ReasonField id={`decide-${postId}`} label={t("decisionReason")} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="hide" className="btn-secondary">
          {t("hide")}
        </button>
        {isHidden ? (
          <button type="submit" name="decision" value="restore" className="btn-secondary">
            {t("restore")}
          </button>
        ) : null}
        {canDismiss && !isHidden ? (
          <button type="submit" name="decision" value="dismiss" className="btn-secondary">
            {t("dismiss")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A moderator pins or unpins a thread, and moves it to another space they moderate. */
export async function ThreadModerationForms({
  threadId,
  isPinned,
  moveTargets,
  next,
}: {
  threadId: string;
  isPinned: boolean;
  moveTargets: { slug: string; name: string }[];
  next: string;
}) {
  const t = await getTranslations("communityModeration");
  const selectId = `move-${threadId}`;
  return (
    <>
      <form method="post" action={`/api/v1/community/threads/${encodeURIComponent(threadId)}/pin`} className="grid gap-2">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="action" value={isPinned ? "unpin" : "pin"} />
        <ReasonField id={`pin-${threadId}`} label={t("pinReason")} />
        <div>
          <button type="submit" className="btn-secondary">
            {isPinned ? t("unpin") : t("pin")}
          </button>
        </div>
      </form>
      {moveTargets.length > 0 ? (
        <form method="post" action={`/api/v1/community/threads/${encodeURIComponent(threadId)}/move`} className="grid gap-2">
          <input type="hidden" name="next" value={next} />
          <label htmlFor={selectId} className="font-semibold">
            {t("moveTo")}
          </label>
          <select id={selectId} name="toSpace" className="input" required>
            {moveTargets.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
          <ReasonField id={`move-reason-${threadId}`} label={t("moveReason")} />
          <div>
            <button type="submit" className="btn-secondary">
              {t("move")}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}

/** A moderator suspends a post's author from posting in the space, for a period, with a reason. */
export async function SuspendForm({
  formKey,
  userId,
  space,
  next,
  authorName,
}: {
  formKey: string;
  userId: string;
  space: string;
  next: string;
  authorName: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("communityModeration"), getLocale()]);
  const authorGen = await nameInCase(authorName, "genitive", locale === "en" ? "en" : "uk");
  const daysId = `suspend-days-${formKey}`;
  return (
    <details className="mt-2">
      <summary className="inline-block min-h-6 cursor-pointer py-1 text-sm font-semibold">
        {t("suspendAuthor")} ({t("authorOf", { nameGen: authorGen })})
      </summary>
      <form method="post" action="/api/v1/community/suspensions" className="mt-2 grid gap-2">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="space" value={space} />
        <label htmlFor={daysId} className="font-semibold">
          {t("suspendDays")}
        </label>
        <select id={daysId} name="days" className="input" defaultValue="7">
          {SUSPENSION_DAYS.map((d) => (
            <option key={d} value={d}>
              {t("days", { count: d })}
            </option>
          ))}
        </select>
        <ReasonField id={`suspend-reason-${formKey}`} label={t("suspendReason")} />
        <div>
          <button type="submit" className="btn-secondary">
            {t("suspend")}
          </button>
        </div>
      </form>
    </details>
  );
}

/** A moderator lifts a suspension early, with a reason. */
export async function LiftForm({ suspensionId, next }: { suspensionId: string; next: string }) {
  const t = await getTranslations("communityModeration");
  return (
    <form method="post" action={`/api/v1/community/suspensions/${encodeURIComponent(suspensionId)}/lift`} className="mt-1 grid gap-2">
      <input type="hidden" name="next" value={next} />
      <ReasonField id={`lift-${suspensionId}`} label={t("liftReason")} />
      <div>
        <button type="submit" className="btn-secondary">
          {t("lift")}
        </button>
      </div>
    </form>
  );
}
