import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getAuthoringItem } from "@/features/authoring/server/get-authoring-item";
import { listRegionsAndHromadas } from "@/features/directory/server/list-regions-and-hromadas";
import { MdxEditor } from "@/features/authoring/components/mdx-editor";
import { ItemFiles } from "@/features/authoring/components/item-files";
import { LivePreview } from "@/features/authoring/components/live-preview";
import { addDays, kyivDateTimeFormat, kyivDay } from "@/lib/kyiv-calendar";
import { ClientMessages } from "@/ui/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("pages.editTitle") };
}

const TEXTAREA = "item-text";
const FORM = "draft-form";

/**
 * One item's desk: the working copy in the editor (a plain form post that works without
 * JavaScript), its problems at their lines, its files, the review (a second methodologist approves
 * or returns it with a comment), and its versions with compare and roll back.
 */
export default async function AuthoringItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("authoring"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const item = await loadForPage(getAuthoringItem(user, id));
  const choices = item.region ? await listRegionsAndHromadas(user, locale) : { regions: [], hromadas: [] };
  const hromadas = choices.hromadas.filter((h) => h.regionId === item.region?.id);
  const when = kyivDateTimeFormat(locale);
  const isDraft = item.stage === "DRAFT";
  const problems = item.problems.map((p) => ({
    line: p.line,
    column: p.column,
    severity: p.severity,
    message: t(p.messageKey.replace(/^authoring\./, ""), p.params),
  }));
  const lastReview = item.reviews[0];
  const here = `/authoring/${item.id}`;
  const today = kyivDay(new Date());
  return (
    <ClientMessages namespaces={["authoring"]}>
      <p className="mb-2 text-sm">
        <a href="/authoring">{t("pages.backToList")}</a>
      </p>
      <h1 className="page-title">{item.title}</h1>
      <p className="mb-1">
        {t(`kinds.${item.kind}`)} ·{" "}
        {item.region ? t("scope.region", { region: locale === "en" ? item.region.nameEn : item.region.nameUk }) : t("scope.national")} ·{" "}
        <code>{item.slug}</code>
      </p>
      <p className="mb-4">
        <strong>{isDraft ? t("stage.draft") : t("stage.inReview")}</strong>
        {item.currentVersion ? ` · ${t("pages.versionLive", { number: item.currentVersion })}` : ` · ${t("pages.notPublished")}`}
        {item.scheduled ? ` · ${t("pages.scheduledFor", { when: when.format(item.scheduled.publishAt) })}` : ""}
      </p>
      <p className="mb-6 flex flex-wrap gap-3">
        <a className="btn-secondary" href={`${here}/preview`}>
          {t("pages.preview")}
        </a>
        {item.versions.length ? (
          <a className="btn-secondary" href={`${here}/compare`}>
            {t("pages.compare")}
          </a>
        ) : null}
        {item.currentVersion ? (
          <a
            className="btn-secondary"
            href={item.kind === "note" ? `/methodology/${item.slug}` : item.kind === "lesson" ? `/lessons/${item.slug}` : `/walkthroughs/${item.slug}`}
          >
            {t("pages.openPublished")}
          </a>
        ) : null}
      </p>

      {lastReview?.decision === "RETURNED" && isDraft ? (
        <section aria-labelledby="returned" className="mb-6 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <h2 id="returned" className="font-semibold">
            {t("pages.returnedBy", { name: lastReview.reviewer })}
          </h2>
          <p className="whitespace-pre-wrap">{lastReview.comment}</p>
        </section>
      ) : null}

      {!isDraft ? (
        <section aria-labelledby="review" className="mb-6 grid gap-4 rounded border border-neutral-300 p-4">
          <h2 id="review" className="text-xl font-semibold">
            {t("pages.reviewTitle")}
          </h2>
          <p>{t("pages.submittedOn", { name: item.submittedBy?.name ?? "", when: item.submittedAt ? when.format(item.submittedAt) : "" })}</p>
          {item.canReview ? (
            <div className="grid gap-6 md:grid-cols-2">
              <form method="post" action={`/api/v1/authoring/items/${item.id}/approve`} className="grid gap-2">
                <input type="hidden" name="next" value={here} />
                <input type="hidden" name="revision" value={item.draft.revision} />
                <label htmlFor="publish-on" className="font-semibold">
                  {t("pages.publishOn")}
                </label>
                <p id="publish-on-hint" className="text-sm text-muted">
                  {t("pages.publishOnHint")}
                </p>
                <input
                  id="publish-on"
                  name="publishOn"
                  type="date"
                  className="input"
                  min={today}
                  max={addDays(today, 365)}
                  aria-describedby="publish-on-hint"
                />
                <label htmlFor="approve-comment" className="font-semibold">
                  {t("pages.approveComment")}
                </label>
                <textarea id="approve-comment" name="comment" className="input min-h-20" maxLength={4000} />
                <p>
                  <button type="submit" className="btn">
                    {t("pages.approve")}
                  </button>
                </p>
              </form>
              <form method="post" action={`/api/v1/authoring/items/${item.id}/return`} className="grid gap-2">
                <input type="hidden" name="next" value={here} />
                <input type="hidden" name="revision" value={item.draft.revision} />
                <label htmlFor="return-comment" className="font-semibold">
                  {t("pages.returnComment")}
                </label>
                <p id="return-comment-hint" className="text-sm text-muted">
                  {t("pages.returnCommentHint")}
                </p>
                <textarea id="return-comment" name="comment" className="input min-h-32" required maxLength={4000} aria-describedby="return-comment-hint" />
                <p>
                  <button type="submit" className="btn-secondary">
                    {t("pages.return")}
                  </button>
                </p>
              </form>
            </div>
          ) : (
            <form method="post" action={`/api/v1/authoring/items/${item.id}/withdraw`}>
              <input type="hidden" name="next" value={here} />
              <input type="hidden" name="revision" value={item.draft.revision} />
              <p className="mb-2 text-sm text-muted">{item.submittedBy?.id === user.id ? t("pages.waitingForOthers") : t("pages.cannotReviewOwn")}</p>
              <button type="submit" className="btn-secondary">
                {t("pages.withdraw")}
              </button>
            </form>
          )}
        </section>
      ) : null}

      <form id={FORM} method="post" action={`/api/v1/authoring/items/${item.id}/draft`} className="mb-8 grid gap-4">
        <input type="hidden" name="next" value={here} />
        <input type="hidden" name="revision" value={item.draft.revision} />
        {item.kind === "note" ? (
          <>
            <div className="grid gap-1">
              <label htmlFor="note-title" className="font-semibold">
                {t("pages.title")}
              </label>
              <input
                id="note-title"
                name="title"
                className="input"
                required
                minLength={3}
                maxLength={160}
                defaultValue={item.draft.title}
                readOnly={!isDraft}
              />
            </div>
            <div className="grid gap-1">
              <label htmlFor="note-summary" className="font-semibold">
                {t("pages.summary")}
              </label>
              <input id="note-summary" name="summary" className="input" maxLength={300} defaultValue={item.draft.summary} readOnly={!isDraft} />
            </div>
          </>
        ) : null}
        {hromadas.length ? (
          <fieldset className="grid gap-1" disabled={!isDraft}>
            <legend className="font-semibold">{t("pages.hromadas")}</legend>
            <p className="text-sm text-muted">{t("pages.hromadasHint")}</p>
            {hromadas.map((h) => (
              <label key={h.id} className="flex items-center gap-2">
                <input type="checkbox" name="hromadaIds" value={h.id} defaultChecked={item.hromadaIds.includes(h.id)} /> {h.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="grid gap-4 xl:grid-cols-2">
          <div className="grid content-start gap-1">
            <label htmlFor={TEXTAREA} className="font-semibold">
              {t("pages.text")}
            </label>
            <p id={`${TEXTAREA}-hint`} className="text-sm text-muted">
              {t(`pages.textHint.${item.kind}`)}
            </p>
            {isDraft ? (
              <MdxEditor kind={item.kind} name="text" id={TEXTAREA} defaultValue={item.draft.text} problems={problems} describedBy={`${TEXTAREA}-hint`} />
            ) : (
              <textarea
                id={TEXTAREA}
                name="text"
                readOnly
                className="input min-h-96 font-mono text-sm"
                defaultValue={item.draft.text}
                aria-describedby={`${TEXTAREA}-hint`}
              />
            )}
          </div>
          {isDraft ? <LivePreview itemId={item.id} formId={FORM} textareaId={TEXTAREA} /> : null}
        </div>
        {isDraft ? (
          <p className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" className="btn">
              {t("pages.save")}
            </button>
            <button type="submit" name="intent" value="preview" className="btn-secondary">
              {t("pages.saveAndPreview")}
            </button>
            <button type="submit" name="intent" value="submit" className="btn-secondary">
              {t("pages.saveAndSubmit")}
            </button>
          </p>
        ) : null}
      </form>

      <div className="mb-8">
        <ItemFiles itemId={item.id} kind={item.kind} files={item.files} textareaId={TEXTAREA} isEditable={isDraft} />
      </div>

      <section aria-labelledby="versions" className="mb-8">
        <h2 id="versions" className="mb-2 text-xl font-semibold">
          {t("pages.versions")}
        </h2>
        {item.versions.length ? (
          <ol className="grid gap-3">
            {item.versions.map((v) => (
              <li key={v.number} className="rounded border border-neutral-300 p-3">
                <p>
                  <strong>{t("pages.versionNumber", { number: v.number })}</strong>
                  {v.number === item.currentVersion ? ` · ${t("pages.current")}` : ""}
                  {v.publishedAt
                    ? ` · ${t("pages.publishedOn", { when: when.format(v.publishedAt) })}`
                    : ` · ${t("pages.scheduledFor", { when: when.format(v.publishAt) })}`}
                </p>
                <p className="text-sm">
                  {v.restoredFrom
                    ? t("pages.restoredFrom", { number: v.restoredFrom, name: v.approvedBy })
                    : t("pages.writtenApproved", { author: v.submittedBy, reviewer: v.approvedBy })}
                </p>
                <p className="mt-2 flex flex-wrap gap-3">
                  {v.number > 1 ? <a href={`${here}/compare?from=${v.number - 1}&to=${v.number}`}>{t("pages.compareWithPrevious")}</a> : null}
                  {v.publishedAt && v.number !== item.currentVersion ? (
                    <form method="post" action={`/api/v1/authoring/items/${item.id}/rollback`} className="contents">
                      <input type="hidden" name="next" value={here} />
                      <input type="hidden" name="version" value={v.number} />
                      <button type="submit" className="btn-secondary">
                        {t("pages.rollback", { number: v.number })}
                      </button>
                    </form>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("pages.noVersions")}</p>
        )}
      </section>

      {item.reviews.length ? (
        <section aria-labelledby="reviews" className="mb-8">
          <h2 id="reviews" className="mb-2 text-xl font-semibold">
            {t("pages.reviews")}
          </h2>
          <ul className="grid gap-2">
            {item.reviews.map((r) => (
              <li key={r.revision}>
                <strong>{r.decision === "APPROVED" ? t("pages.approvedBy", { name: r.reviewer }) : t("pages.returnedBy", { name: r.reviewer })}</strong> ·{" "}
                {when.format(r.createdAt)}
                {r.comment ? <p className="whitespace-pre-wrap">{r.comment}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </ClientMessages>
  );
}
