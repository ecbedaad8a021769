import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionState } from "@/server/auth/current-user";
import { SignInForm } from "@/features/accounts/components/sign-in-form";
import { safeNextPath } from "@/lib/safe-next-path";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, session, t] = await Promise.all([searchParams, getSessionState(), getTranslations("signIn")]);
  // Without a page asked for, the person's own start: Today, the caseload, the report or the admin area.
  const target = safeNextPath(next, "/start");
  if (session?.kind === "signed-in") redirect(target);
  // The password was right and the account has a second factor: that step comes first (decision 052).
  if (session?.kind === "second-factor") redirect(`/sign-in/second-factor?next=${encodeURIComponent(target)}`);
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <ClientMessages namespaces={["signIn"]}>
        <SignInForm next={target} />
      </ClientMessages>
    </>
  );
}
