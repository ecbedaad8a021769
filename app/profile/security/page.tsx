import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { kyivDateTimeFormat } from "@/lib/kyiv-calendar";
import { getSecurityOverview } from "@/features/accounts/server/second-factor/get-security-overview";
import { startTotpEnrolment } from "@/features/accounts/server/second-factor/totp-enrolment";
import { PasskeyEnrolForm, RegenerateCodesButton, RemoveFactorButton, TotpEnrolForm } from "@/features/accounts/components/second-factor-forms";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("security"))("title") };
}

/**
 * Sign-in security (decision 052): the person's second factors, adding an authenticator app or a
 * passkey, and recovery codes. Changing factors that exist asks for the second factor again (15 minutes).
 */
export default async function SecurityPage() {
  const user = await requireUser();
  const [overview, t, tr, locale] = await Promise.all([getSecurityOverview(user), getTranslations("security"), getTranslations("roles"), getLocale()]);
  const hasTotp = overview.factors.some((f) => f.kind === "TOTP");
  const needsProof = overview.factors.length > 0 && !overview.recentlyProved;
  const enrolment = hasTotp || needsProof ? null : await startTotpEnrolment(user);
  const when = kyivDateTimeFormat(locale === "en" ? "en" : "uk");
  const proofLink = (
    <p className="max-w-prose">
      {t("proofLead")} <a href="/sign-in/second-factor?next=%2Fprofile%2Fsecurity">{t("proofLink")}</a>
    </p>
  );
  return (
    <ClientMessages namespaces={["security"]}>
      <p className="mb-2">
        <a href="/profile">{t("backToProfile")}</a>
      </p>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      {overview.withheldRoles.length ? (
        <div className="notice-error mb-6 max-w-prose" role="status">
          <p className="font-semibold">{t("requiredTitle", { roles: overview.withheldRoles.map((r) => tr(r as "LEARNER")).join(", ") })}</p>
          <p>{t("requiredLead")}</p>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <section className="card" aria-labelledby="factors-title">
          <h2 id="factors-title" className="mb-3 text-xl font-bold">
            {t("factorsTitle")}
          </h2>
          {overview.factors.length === 0 ? (
            <p>{t("noFactors")}</p>
          ) : (
            <ul className="grid gap-3">
              {overview.factors.map((factor) => (
                <li key={factor.id} className="rounded-md border border-neutral-300 p-3">
                  <p className="font-semibold">
                    {factor.label} <span className="font-normal">({factor.kind === "TOTP" ? t("kindApp") : t("kindPasskey")})</span>
                  </p>
                  <p className="text-sm text-muted">
                    {t("factorLine", {
                      added: when.format(factor.createdAt),
                      used: factor.lastUsedAt ? when.format(factor.lastUsedAt) : t("neverUsed"),
                    })}
                  </p>
                  {overview.recentlyProved ? <RemoveFactorButton id={factor.id} label={factor.label} /> : null}
                </li>
              ))}
            </ul>
          )}
          {needsProof ? <div className="mt-3">{proofLink}</div> : null}
        </section>
        {overview.factors.length ? (
          <section className="card" aria-labelledby="codes-title">
            <h2 id="codes-title" className="mb-2 text-xl font-bold">
              {t("recoveryTitle")}
            </h2>
            <p className="mb-3">{t("recoveryLeft", { n: overview.recoveryCodesLeft })}</p>
            <p className="mb-3 max-w-prose text-sm">{t("recoveryLead")}</p>
            {overview.recentlyProved ? <RegenerateCodesButton /> : proofLink}
          </section>
        ) : null}
        {hasTotp ? null : (
          <section className="card" aria-labelledby="add-app-title">
            <h2 id="add-app-title" className="mb-2 text-xl font-bold">
              {t("addAppTitle")}
            </h2>
            {enrolment ? (
              <>
                <ol className="mb-4 list-decimal space-y-2 pl-6">
                  <li>{t("addAppStep1")}</li>
                  <li>
                    {t("addAppStep2")}
                    <div
                      className="my-2 w-48 max-w-full bg-white"
                      role="img"
                      aria-label={t("qrLabel")}
                      // The SVG is generated here from our own otpauth:// address (uqr renders paths only).
                      dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
                    />
                    <p className="text-sm">{t("addAppManual")}</p>
                    <p className="font-mono text-lg break-all" translate="no">
                      {enrolment.secretGroups}
                    </p>
                  </li>
                  <li>{t("addAppStep3")}</li>
                </ol>
                <TotpEnrolForm sealed={enrolment.sealed} />
              </>
            ) : (
              proofLink
            )}
          </section>
        )}
        <section className="card" aria-labelledby="add-passkey-title">
          <h2 id="add-passkey-title" className="mb-2 text-xl font-bold">
            {t("addPasskeyTitle")}
          </h2>
          <p className="mb-3 max-w-prose">{t("addPasskeyLead")}</p>
          {needsProof ? proofLink : <PasskeyEnrolForm />}
        </section>
      </div>
    </ClientMessages>
  );
}
