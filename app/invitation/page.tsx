import { getLocale, getTranslations } from "next-intl/server";
import { getInvitationPreview } from "@/features/accounts/server/accept-invitation";
import { SetPasswordForm } from "@/features/accounts/components/set-password-form";
import { ClientMessages } from "@/ui/client-messages";
import { nameInCase } from "@/server/name-cases";

export async function generateMetadata() {
  return { title: (await getTranslations("invitation"))("title") };
}

export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t, locale] = await Promise.all([searchParams, getTranslations("invitation"), getLocale()]);
  const invitation = token ? await getInvitationPreview(token) : null;
  const nameVoc = invitation ? await nameInCase(invitation.name, "vocative", locale === "en" ? "en" : "uk") : "";
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      {invitation && token ? (
        <>
          <p className="mb-2 max-w-prose">{t("lead", { nameVoc, organization: invitation.organization })}</p>
          <p className="mb-4">
            {t("email")}: <strong>{invitation.email}</strong>
          </p>
          <ClientMessages namespaces={["invitation", "reset"]}>
            <SetPasswordForm token={token} kind="invitation" />
          </ClientMessages>
        </>
      ) : (
        <p className="notice-error max-w-prose">{t("invalidLink")}</p>
      )}
    </>
  );
}
