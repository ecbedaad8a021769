import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSecondFactorSession, getSessionState } from "@/server/auth/current-user";
import { getSecondFactorMethods } from "@/features/accounts/server/second-factor/second-factor-methods";
import { SecondFactorStep } from "@/features/accounts/components/second-factor-step";
import { safeNextPath } from "@/lib/safe-next-path";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("secondFactor"))("title") };
}

/**
 * The second step of signing in for a person with a second factor, and the same step again before a
 * sensitive action (decision 052). Signed out: sign in first; signed in with no factor: add one.
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, state, session, t] = await Promise.all([searchParams, getSessionState(), getSecondFactorSession(), getTranslations("secondFactor")]);
  const target = safeNextPath(next, "/start");
  if (!state || !session) redirect(`/sign-in?next=${encodeURIComponent(target)}`);
  const methods = await getSecondFactorMethods(session);
  if (!methods.totp && !methods.passkey) redirect(state.kind === "signed-in" ? "/profile/security" : "/sign-in");
  const again = state.kind === "signed-in";
  return (
    <>
      <h1 className="page-title">{again ? t("againTitle") : t("title")}</h1>
      <p className="mb-4 max-w-prose">{again ? t("againLead") : t("lead")}</p>
      <ClientMessages namespaces={["secondFactor"]}>
        <SecondFactorStep next={target} methods={methods} />
      </ClientMessages>
      <section className="mt-6 max-w-prose" aria-labelledby="lost-factor">
        <h2 id="lost-factor" className="mb-2 text-lg font-bold">
          {t("lostTitle")}
        </h2>
        <p className="mb-3">{t("lostLead")}</p>
        {again ? null : (
          <form method="post" action="/api/v1/session/sign-out">
            <input type="hidden" name="next" value="/sign-in" />
            <button type="submit" className="btn-secondary">
              {t("signOut")}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
