import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { listAuthoringItems } from "@/features/authoring/server/list-authoring-items";
import { listRegionsAndHromadas } from "@/features/directory/server/list-regions-and-hromadas";
import { AUTHORED_KINDS, NOTE_KINDS } from "@/features/authoring/schemas";
import { kyivDateTimeFormat } from "@/lib/kyiv-calendar";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("pages.listTitle") };
}

/** The region's authoring desk: what waits for the reader's review, every item with its stage, and a form to start one. */
export default async function AuthoringPage() {
  const user = await requireUser();
  if (!can(user, "author:content")) forbidden();
  const [t, localeRaw] = await Promise.all([getTranslations("authoring"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const [items, choices] = await Promise.all([listAuthoringItems(user), listRegionsAndHromadas(user, locale)]);
  const isAdmin = user.roles.includes("ADMIN");
  const when = kyivDateTimeFormat(locale);
  const awaiting = items.filter((i) => i.awaitsActor);
  const own = choices.hromadas.filter((h) => h.regionId === user.regionId);
  return (
    <>
      <h1 className="page-title">{t("pages.listTitle")}</h1>
      <p className="mb-4 max-w-prose">{t("pages.listLead")}</p>
      <p className="mb-6 flex flex-wrap gap-3">
        <a className="btn-secondary" href="#new-item">
          {t("pages.newItem")}
        </a>
        <a className="btn-secondary" href="/authoring/tracks">
          {t("pages.tracksLink")}
        </a>
        <a className="btn-secondary" href="/methodology">
          {t("pages.notesLink")}
        </a>
      </p>

      {awaiting.length ? (
        <section aria-labelledby="awaiting" className="mb-8">
          <h2 id="awaiting" className="mb-2 text-xl font-semibold">
            {t("pages.awaiting", { count: awaiting.length })}
          </h2>
          <ul className="grid gap-2">
            {awaiting.map((i) => (
              <li key={i.id}>
                <a href={`/authoring/${i.id}`}>{i.title}</a> — {t(`kinds.${i.kind}`)} · {t("pages.submittedBy", { name: i.submittedByName ?? "" })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="all-items" className="mb-8">
        <h2 id="all-items" className="mb-2 text-xl font-semibold">
          {t("pages.allItems")}
        </h2>
        {items.length ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("pages.allItems")}</caption>
              <thead>
                <tr className="border-b border-neutral-400">
                  <th scope="col" className="py-2 pr-3">
                    {t("pages.colTitle")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("pages.colKind")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("pages.colStage")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("pages.colPublished")}
                  </th>
                  {isAdmin ? (
                    <th scope="col" className="py-2 pr-3">
                      {t("pages.colScope")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id} className="border-b border-neutral-200 align-top">
                    <td className="py-2 pr-3">
                      <a href={`/authoring/${i.id}`}>{i.title}</a>
                    </td>
                    <td className="py-2 pr-3">{t(`kinds.${i.kind}`)}</td>
                    <td className="py-2 pr-3">{i.stage === "IN_REVIEW" ? t("stage.inReview") : t("stage.draft")}</td>
                    <td className="py-2 pr-3">
                      {i.currentVersion ? t("pages.versionLive", { number: i.currentVersion }) : t("pages.notPublished")}
                      {i.scheduledFor ? ` · ${t("pages.scheduledFor", { when: when.format(i.scheduledFor) })}` : ""}
                    </td>
                    {isAdmin ? <td className="py-2 pr-3">{i.regionName ? i.regionName[locale] : t("scope.national")}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("pages.noItems")}</p>
        )}
      </section>

      <section aria-labelledby="new-item" className="max-w-2xl">
        <h2 id="new-item" className="mb-2 text-xl font-semibold">
          {t("pages.newItem")}
        </h2>
        <form method="post" action="/api/v1/authoring/items" className="grid gap-4">
          <input type="hidden" name="next" value="/authoring" />
          <fieldset className="grid gap-1">
            <legend className="font-semibold">{t("pages.kind")}</legend>
            {AUTHORED_KINDS.map((kind, i) => (
              <label key={kind} className="flex items-center gap-2">
                <input type="radio" name="kind" value={kind} defaultChecked={i === 0} required /> {t(`kinds.${kind}`)} — {t(`kindHints.${kind}`)}
              </label>
            ))}
          </fieldset>
          <div className="grid gap-1">
            <label htmlFor="new-title" className="font-semibold">
              {t("pages.title")}
            </label>
            <p id="new-title-hint" className="text-sm text-muted">
              {t("pages.titleHint")}
            </p>
            <input id="new-title" name="title" className="input" required minLength={3} maxLength={160} aria-describedby="new-title-hint" />
          </div>
          <div className="grid gap-1">
            <label htmlFor="new-note-kind" className="font-semibold">
              {t("pages.noteKind")}
            </label>
            <select id="new-note-kind" name="noteKind" className="input" defaultValue="RECOMMENDATION">
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`noteKinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {isAdmin ? (
            <div className="grid gap-1">
              <label htmlFor="new-scope" className="font-semibold">
                {t("pages.scope")}
              </label>
              <select id="new-scope" name="scope" className="input" defaultValue="national">
                <option value="national">{t("scope.national")}</option>
                {choices.regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          ) : own.length ? (
            <fieldset className="grid gap-1">
              <legend className="font-semibold">{t("pages.hromadas")}</legend>
              <p className="text-sm text-muted">{t("pages.hromadasHint")}</p>
              {own.map((h) => (
                <label key={h.id} className="flex items-center gap-2">
                  <input type="checkbox" name="hromadaIds" value={h.id} /> {h.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <p>
            <button type="submit" className="btn">
              {t("pages.create")}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}
