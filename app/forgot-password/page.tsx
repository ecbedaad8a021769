import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/features/accounts/components/forgot-password-form";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgot");
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      <ClientMessages namespaces={["forgot"]}>
        <ForgotPasswordForm />
      </ClientMessages>
    </>
  );
}
