import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getWorkshop } from "@/features/workshops/server/get-workshop";
import { formatWorkshopTime } from "@/features/workshops/format";
import { RefList } from "@/features/workshops/components/ref-list";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("workshops"))("detailsTitle") };
}

/** A workshop: when (Kyiv time), where, seats, what to read before, the reader's place, the calendar file; for organisers the actions. */
export default async function WorkshopPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("workshops"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const w = await loadForPage(getWorkshop(user, id, locale));
  const here = `/workshops/${w.id}`;
  const audience =
    w.audience === "HROMADAS"
      ? t("audienceHromadas", { hromadas: w.hromadaNames.join(", ") })
      : t(`audienceFull.${w.audience}`, { region: w.regionName ?? t("national") });
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/workshops">{t("backToList")}</a>
      </p>
      <h1 className="page-title">{w.title}</h1>
      {w.cancelled ? <p className="notice-error mb-4">{t("cancelledNotice")}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid content-start gap-6">
          <dl className="card grid gap-3">
            <div>
              <dt className="text-sm text-muted">{t("whenLabel")}</dt>
              <dd className="font-semibold">
                {formatWorkshopTime(w.startsAt, w.endsAt, locale)} <span className="font-normal text-muted">({t("kyivTime")})</span>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("whereLabel")}</dt>
              {w.place ? <dd>{w.place}</dd> : null}
              {w.onlineUrl ? (
                <dd>
                  <a href={w.onlineUrl} rel="noopener noreferrer" className="break-all">
                    {t("joinOnline")}
                  </a>
                  <span className="sr-only"> ({w.onlineUrl})</span>
                </dd>
              ) : null}
            </div>
            <div>
              <dt className="text-sm text-muted">{t("audienceLabel")}</dt>
              <dd>{audience}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("organiserLabel")}</dt>
              <dd>{w.organiser}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("seatsLabel")}</dt>
              <dd>
                {t("seatsTaken", { registered: w.registered, capacity: w.capacity })}
                {w.waitlisted ? ` · ${t("waitingCount", { count: w.waitlisted })}` : ""}
              </dd>
            </div>
          </dl>

          <section aria-labelledby="about" className="card">
            <h2 id="about" className="mb-2 text-xl font-bold">
              {t("aboutTitle")}
            </h2>
            <p className="whitespace-pre-line">{w.description}</p>
          </section>

          {w.readings.length ? (
            <section aria-labelledby="before" className="card">
              <h2 id="before" className="mb-2 text-xl font-bold">
                {t("readBefore")}
              </h2>
              <RefList refs={w.readings} />
            </section>
          ) : null}

          {w.materials.length ? (
            <section aria-labelledby="materials" className="card">
              <h2 id="materials" className="mb-2 text-xl font-bold">
                {t("materialsTitle")}
              </h2>
              <RefList refs={w.materials} />
            </section>
          ) : null}
        </div>

        <div className="grid content-start gap-6">
          <section aria-labelledby="place" className="card">
            <h2 id="place" className="mb-2 text-xl font-bold">
              {t("yourPlace")}
            </h2>
            <p role="status" className="mb-3">
              {w.mine?.status === "REGISTERED"
                ? w.mine.attended === true
                  ? t("youAttended")
                  : t("youAreRegistered")
                : w.mine?.status === "WAITLISTED"
                  ? t("youAreWaiting", { position: w.mine.queuePosition ?? 1 })
                  : w.canRegister
                    ? w.seatsLeft > 0
                      ? t("seatsLeft", { left: w.seatsLeft, capacity: w.capacity })
                      : t("fullJoinWaitlist")
                    : w.started
                      ? t("registrationClosed")
                      : w.cancelled
                        ? t("cancelledBadge")
                        : t("notInAudience")}
            </p>
            {w.canRegister ? (
              <form method="post" action={`/api/v1/workshops/${w.id}/registration`}>
                <input type="hidden" name="next" value={here} />
                <button type="submit" className="btn w-full sm:w-auto">
                  {w.seatsLeft > 0 ? t("register") : t("joinWaitlist")}
                </button>
              </form>
            ) : null}
            {w.mine && !w.started && !w.cancelled ? (
              <form method="post" action={`/api/v1/workshops/${w.id}/registration/cancel`}>
                <input type="hidden" name="next" value={here} />
                <button type="submit" className="btn-secondary w-full sm:w-auto">
                  {w.mine.status === "WAITLISTED" ? t("leaveWaitlist") : t("cancelRegistration")}
                </button>
              </form>
            ) : null}
            {!w.cancelled ? (
              <p className="mt-4">
                <a href={`/api/v1/workshops/${w.id}/ics`} download>
                  {t("addToCalendar")}
                </a>
              </p>
            ) : null}
          </section>

          {w.canManage ? (
            <section aria-labelledby="manage" className="card">
              <h2 id="manage" className="mb-2 text-xl font-bold">
                {t("manageTitle")}
              </h2>
              <ul className="mb-3 grid gap-2">
                {!w.started && !w.cancelled ? (
                  <li>
                    <a href={`${here}/edit`}>{t("edit")}</a>
                  </li>
                ) : null}
                <li>
                  <a href={`${here}/attendance`}>{w.started ? t("attendanceLink") : t("registrantsLink")}</a>
                </li>
              </ul>
              {!w.started && !w.cancelled ? (
                <form method="post" action={`/api/v1/workshops/${w.id}/cancel`} className="grid gap-2">
                  <input type="hidden" name="next" value={here} />
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-5 w-5 shrink-0" />
                    <span>{t("cancelConfirm")}</span>
                  </label>
                  <button type="submit" className="btn-danger justify-self-start">
                    {t("cancelWorkshop")}
                  </button>
                </form>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
