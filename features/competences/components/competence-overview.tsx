import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/server/i18n";
import { nameInCase } from "@/server/name-cases";
import type { MyCompetences } from "../server/get-my-competences";
import { AreaChart } from "./area-chart";
import { ReviewControls } from "./review-controls";
import { PendingReviews } from "./pending-reviews";

function shortDate(iso: string, locale: AppLocale) {
  return new Intl.DateTimeFormat(locale === "uk" ? "uk-UA" : "en-GB", { dateStyle: "medium", timeZone: "Europe/Kyiv" }).format(new Date(iso));
}

const anchorOf = (itemType: "AREA" | "COMPETENCE", itemId: string) => `review-${itemType.toLowerCase()}-${itemId.replace(/\W/g, "-")}`;

/**
 * The competence profile of one person: shown to the person ("your level"), and to their current
 * curator (`about`: the person's name), who finds the ratings waiting for a review at the top.
 */
export async function CompetenceOverview({
  data,
  locale,
  reviewable,
  about = null,
}: {
  data: MyCompetences;
  locale: AppLocale;
  reviewable: boolean;
  /** Whose profile another person is reading; null when it is the reader's own. */
  about?: { name: string } | null;
}) {
  const t = await getTranslations("competences");
  // The few sentences that address the reader speak about the person instead when it is not theirs.
  const say = (key: "profileTitle" | "myLevel" | "barLegend" | "changesFirst" | "noGaps" | "noneYet", values: Record<string, string> = {}) =>
    about ? t(`about.${key}`, { ...values, name: about.name }) : t(key, values);
  const latest = data.latest;
  if (!latest) return <p className="card max-w-prose">{say("noneYet")}</p>;
  const labels = data.history.map((h) => shortDate(h.submittedAt, locale));
  const series = data.areas.map((a) => ({ id: a.id, title: a.title, points: data.history.map((h) => h.areas[a.id] ?? null) }));
  const areaTitle = new Map(data.areas.map((a) => [a.id, a.title]));
  // «Коментар куратора Олега Ткачука»: each reviewing curator's name in the genitive.
  const reviewers = [...new Set(latest.competences.flatMap((c) => c.reviews.map((r) => r.curatorName)))];
  const reviewerGen = new Map(await Promise.all(reviewers.map(async (name) => [name, await nameInCase(name, "genitive", locale)] as const)));
  const waiting = new Set(data.toReview.map((r) => `${r.itemType}:${r.itemId}`));
  const rest = data.gaps.slice(data.focus.length);
  return (
    <>
      {reviewable ? (
        <section className="card mb-6" aria-labelledby="to-review">
          <h2 id="to-review" className="mb-1 text-xl font-bold">
            {t("pendingTitle", { count: data.toReview.length })}
          </h2>
          {data.toReview.length ? <p className="mb-3 max-w-prose">{t("pendingLead")}</p> : null}
          {/* Mounted even when nothing waits, so the last review saved keeps its entry (and the focus) after the refresh. */}
          <PendingReviews key={latest.id} assessmentId={latest.id} items={data.toReview.map((r) => ({ ...r, anchor: anchorOf(r.itemType, r.itemId) }))} />
        </section>
      ) : null}
      <section className="card mb-6" aria-labelledby="profile-vs-target">
        <h2 id="profile-vs-target" className="mb-1 text-xl font-bold">
          {say("profileTitle", { profile: data.profile.title })}
        </h2>
        <p className="mb-3 text-sm text-muted">
          {t("lastTaken", {
            date: shortDate(latest.submittedAt, locale),
            form: latest.form === "SHORT" ? t("formShort") : t("formFull"),
            version: latest.frameworkVersion,
          })}
        </p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("area")}</th>
              <th scope="col">{say("myLevel")}</th>
              <th scope="col">{t("target")}</th>
              <th scope="col" className="w-2/5">
                <span className="sr-only">{t("bar")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {latest.areaLevels.map((a) => (
              <tr key={a.areaId}>
                <th scope="row" className="font-normal">
                  {a.title}
                </th>
                <td>{a.level === 0 ? t("notYet") : a.level}</td>
                <td>{a.target}</td>
                <td aria-hidden="true">
                  <div className="relative h-4 rounded bg-neutral-200">
                    <div className="h-4 rounded bg-brand-700" style={{ width: `${(a.level / 8) * 100}%` }} />
                    <div className="absolute top-[-3px] h-[22px] w-[3px] bg-amber-700" style={{ left: `${(a.target / 8) * 100}%` }} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-sm text-muted">{say("barLegend")}</p>
      </section>

      <section className="card mb-6" aria-labelledby="changes">
        <h2 id="changes" className="mb-3 text-xl font-bold">
          {t("changesTitle")}
        </h2>
        {data.history.length < 2 ? (
          <p>{say("changesFirst")}</p>
        ) : data.changes.length === 0 ? (
          <p>{t("noChanges")}</p>
        ) : (
          <ul className="grid gap-1">
            {data.changes.map((c) => (
              <li key={c.id}>
                <span aria-hidden="true">{c.delta > 0 ? "▲ " : "▼ "}</span>
                {t(c.delta > 0 ? "changeUp" : "changeDown", { area: c.title, from: c.from, to: c.to })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card mb-6" aria-labelledby="gaps">
        <h2 id="gaps" className="mb-3 text-xl font-bold">
          {t("gapsTitle")}
        </h2>
        {data.gaps.length === 0 ? (
          <p>{say("noGaps")}</p>
        ) : (
          <>
            <p className="mb-3 max-w-prose">{t("focusLead")}</p>
            <ol className="grid gap-3">
              {data.focus.map((g) => (
                <li key={g.competenceId}>
                  <p className="font-semibold">
                    {g.competenceId} {g.title}
                  </p>
                  <p>
                    {t("gapLine", { level: g.level, target: g.target })}
                    {g.estimated ? ` ${t("estimated")}` : ""}
                  </p>
                  {g.items.length ? (
                    <ul className="ml-5 list-disc">
                      {g.items.map((item) => (
                        <li key={`${item.kind}:${item.id}`}>
                          <a href={item.kind === "lesson" ? `/lessons/${item.id}` : `/walkthroughs/${item.id}`}>
                            {t(item.kind === "lesson" ? "lessonLink" : "walkthroughLink", { title: item.title })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm">{t(g.shownAboveCount ? "gapShownAbove" : g.doneCount ? "gapAllDone" : "gapNothing")}</p>
                  )}
                  {g.items.length && g.doneCount ? <p className="text-sm text-muted">{t("gapDoneNote", { count: g.doneCount })}</p> : null}
                </li>
              ))}
            </ol>
            {rest.length ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-semibold">{t("allGaps", { count: data.gaps.length })}</summary>
                <p className="mt-2 max-w-prose text-sm">{t("allGapsLead")}</p>
                <ul className="mt-2 grid gap-1">
                  {data.gaps.map((g) => (
                    <li key={g.competenceId}>
                      <a href={`/lessons?competence=${encodeURIComponent(g.competenceId)}`}>
                        {g.competenceId} {g.title}
                      </a>{" "}
                      — {t("gapLine", { level: g.level, target: g.target })}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </section>

      <section className="card mb-6" aria-labelledby="over-time">
        <h2 id="over-time" className="mb-3 text-xl font-bold">
          {t("overTimeTitle")}
        </h2>
        <AreaChart labels={labels} series={series} title={t("chartTitle")} description={t("chartDescription")} />
        <div className="overflow-x-auto">
          <table className="table text-sm">
            <caption className="mb-1 text-left font-semibold">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("area")}</th>
                {labels.map((l, i) => (
                  <th key={i} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="font-normal">
                    {s.title}
                  </th>
                  {s.points.map((p, i) => (
                    <td key={i}>{p ?? "—"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card mb-6" aria-labelledby="details">
        <h2 id="details" className="mb-3 text-xl font-bold">
          {t("detailsTitle")}
        </h2>
        {data.areas.map((area) => (
          <details key={area.id} className="mb-2">
            <summary className="cursor-pointer font-semibold">{areaTitle.get(area.id)}</summary>
            <ul className="mt-2 grid gap-3 pl-4">
              {latest.competences
                .filter((c) => c.areaId === area.id)
                .map((c) => (
                  <li key={c.id} className="border-l-4 border-neutral-300 pl-3">
                    <p className="font-semibold">
                      {c.id} {c.title}
                    </p>
                    <p>
                      {t("selfRating")}: {c.level === 0 ? t("notYet") : c.level} · {t("target")}: {c.target}
                      {c.estimated ? ` ${t("estimated")}` : ""}
                    </p>
                    {c.note ? (
                      <p className="text-sm">
                        {t("noteLabel")}: {c.note}
                      </p>
                    ) : null}
                    {c.reviews.map((r, i) => (
                      <p key={i} className="text-sm">
                        {r.confirmed ? t("confirmedBy", { name: r.curatorName }) : t("commentBy", { nameGen: reviewerGen.get(r.curatorName) ?? r.curatorName })}
                        {r.comment ? `: ${r.comment}` : ""}
                      </p>
                    ))}
                    {!reviewable ? null : waiting.has(c.estimated ? `AREA:${c.areaId}` : `COMPETENCE:${c.id}`) ? (
                      // Waiting ratings are reviewed in the list at the top, so each has one form on the page.
                      <p className="text-sm">
                        <a href={`#${anchorOf(c.estimated ? "AREA" : "COMPETENCE", c.estimated ? c.areaId : c.id)}`}>
                          {t("pendingJump", { title: c.estimated ? (areaTitle.get(c.areaId) ?? c.title) : c.title })}
                        </a>
                      </p>
                    ) : (
                      <ReviewControls
                        assessmentId={latest.id}
                        itemType={c.estimated ? "AREA" : "COMPETENCE"}
                        itemId={c.estimated ? c.areaId : c.id}
                        label={c.title}
                      />
                    )}
                  </li>
                ))}
            </ul>
          </details>
        ))}
      </section>
    </>
  );
}
