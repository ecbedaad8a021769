import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isResetTokenUsable } from "@/features/accounts/server/password-reset";
import { SetPasswordForm } from "@/features/accounts/components/set-password-form";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("reset"))("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("reset")]);
  const usable = token ? await isResetTokenUsable(token) : false;
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      {usable && token ? (
        <ClientMessages namespaces={["reset"]}>
          <SetPasswordForm token={token} kind="reset" />
        </ClientMessages>
      ) : (
        <div className="notice-error max-w-prose">
          <p>{t("invalidLink")}</p>
          <p className="mt-2">
            <Link href="/forgot-password">{t("requestNew")}</Link>
          </p>
        </div>
      )}
    </>
  );
}
