import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getProfile } from "@/features/accounts/server/profile";
import { PasswordForm, ProfileForm, SignOutEverywhereButton } from "@/features/accounts/components/profile-forms";
import { ClientMessages } from "@/ui/client-messages";
import { getLowDataMode } from "@/features/accounts/server/low-data";
import { LOW_DATA_MODES } from "@/features/accounts/low-data";
import { myCurators } from "@/features/mentoring/server/mentorships";
import { EndButton } from "@/features/mentoring/components/pair-forms";
import { getMyHandle } from "@/features/community/server/update-handle";
import { HandleForm } from "@/features/community/components/handle-form";
import { nameInCase } from "@/server/name-cases";
import { listSignedInDevices } from "@/features/accounts/server/devices";
import { SignedInDevices } from "@/features/accounts/components/signed-in-devices";
import { currentSessionId } from "@/server/auth/current-user";

export async function generateMetadata() {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const user = await requireUser();
  const [profile, t, tr, locale, curators, tp, { handle }, td, lowData, devices] = await Promise.all([
    getProfile(user),
    getTranslations("profile"),
    getTranslations("roles"),
    getLocale(),
    myCurators(user),
    getTranslations("pairs"),
    getMyHandle(user),
    getTranslations("communityDrafts"),
    getLowDataMode(user),
    currentSessionId().then((sid) => listSignedInDevices(user, sid)),
  ]);
  const en = locale === "en";
  const curatorsIns = await Promise.all(curators.map((c) => nameInCase(c.name, "instrumental", en ? "en" : "uk")));
  return (
    <ClientMessages namespaces={["profile", "reset", "languages", "pairs", "communityDrafts"]}>
      <h1 className="page-title">{t("title")}</h1>
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <section className="card" aria-labelledby="personal">
          <h2 id="personal" className="mb-3 text-xl font-bold">
            {t("personal")}
          </h2>
          <dl className="mb-4 grid grid-cols-1 gap-x-4 [&>dd]:mb-2 sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-y-1 sm:[&>dd]:mb-0">
            <dt className="font-semibold">{t("email")}</dt>
            <dd className="break-all">{profile.email}</dd>
            <dt className="font-semibold">{t("organization")}</dt>
            <dd>{profile.organization.name}</dd>
            <dt className="font-semibold">{t("hromada")}</dt>
            <dd>{en ? profile.organization.hromadaEn : profile.organization.hromada}</dd>
            <dt className="font-semibold">{t("region")}</dt>
            <dd>{en ? profile.organization.regionEn : profile.organization.region}</dd>
            <dt className="font-semibold">{t("roles")}</dt>
            <dd>{profile.roles.map((r) => tr(r as "LEARNER")).join(", ")}</dd>
          </dl>
          <ProfileForm initial={{ name: profile.name, position: profile.position, locale: profile.locale }} />
        </section>
        <section className="card" aria-labelledby="low-data-title">
          <h2 id="low-data-title" className="mb-2 text-xl font-bold">
            {t("lowData.title")}
          </h2>
          <p className="mb-3 text-sm">{t("lowData.lead")}</p>
          <form method="post" action="/api/v1/me/low-data" className="grid gap-2">
            <input type="hidden" name="next" value="/profile?saved=low-data#low-data-title" />
            <fieldset className="grid gap-1">
              <legend className="sr-only">{t("lowData.title")}</legend>
              {LOW_DATA_MODES.map((mode) => (
                <label key={mode} className="flex items-center gap-2">
                  <input type="radio" name="mode" value={mode} defaultChecked={lowData === mode} /> {t(`lowData.${mode}`)}
                </label>
              ))}
            </fieldset>
            <p>
              <button type="submit" className="btn-secondary">
                {t("lowData.save")}
              </button>
            </p>
          </form>
        </section>
        <section className="card" aria-labelledby="handle-title">
          <h2 id="handle-title" className="mb-3 text-xl font-bold">
            {td("handleTitle")}
          </h2>
          <HandleForm initial={handle} />
        </section>
        <div className="grid content-start gap-6">
          <section className="card" aria-labelledby="my-curator">
            <h2 id="my-curator" className="mb-2 text-xl font-bold">
              {tp("myCuratorTitle")}
            </h2>
            {curators.length === 0 ? (
              <p>{tp("noCurator")}</p>
            ) : (
              curators.map((c, i) => (
                <div key={c.id} className="mb-2">
                  <p className="font-semibold">
                    {c.name}
                    {c.position ? `, ${c.position}` : ""}
                  </p>
                  <p className="mb-2">
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </p>
                  <p className="mb-2 text-sm">
                    {tp("curatorSees")} <a href="/my-curator">{tp("myCuratorLink")}</a>
                  </p>
                  <EndButton mentorshipId={c.id} label={tp("endMine")} confirmLabel={tp("endMineConfirm", { nameIns: curatorsIns[i]! })} />
                </div>
              ))
            )}
          </section>
          <section className="card" aria-labelledby="security-title">
            <h2 id="security-title" className="mb-2 text-xl font-bold">
              {t("securityTitle")}
            </h2>
            <p className="mb-3">{user.hasSecondFactor ? t("securityOn") : user.withheldRoles?.length ? t("securityRequired") : t("securityOff")}</p>
            <a className="btn-secondary" href="/profile/security">
              {t("securityLink")}
            </a>
          </section>
          <section className="card" aria-labelledby="password">
            <h2 id="password" className="mb-3 text-xl font-bold">
              {t("passwordTitle")}
            </h2>
            <PasswordForm />
          </section>
          <section className="card" aria-labelledby="sessions">
            <h2 id="sessions" className="mb-3 text-xl font-bold">
              {t("sessionsTitle")}
            </h2>
            <p className="mb-3">{t("sessionsLead")}</p>
            <SignedInDevices devices={devices} />
            <SignOutEverywhereButton />
          </section>
          <section className="card" aria-labelledby="my-data-title">
            <h2 id="my-data-title" className="mb-2 text-xl font-bold">
              {t("myDataTitle")}
            </h2>
            <p className="mb-3">{t("myDataLead")}</p>
            <ul className="grid gap-1">
              <li>
                <a href="/profile/my-data">{t("myDataView")}</a>
              </li>
              <li>
                <a href="/api/v1/me/data" download>
                  {t("myDataDownload")}
                </a>
              </li>
            </ul>
          </section>
        </div>
      </div>
    </ClientMessages>
  );
}
