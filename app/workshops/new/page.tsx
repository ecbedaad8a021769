import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { getWorkshopFormOptions } from "@/features/workshops/server/form-options";
import { WorkshopForm } from "@/features/workshops/components/workshop-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("workshops"))("newTitle") };
}

export default async function NewWorkshopPage() {
  const user = await requireUser();
  if (!can(user, "announce:workshops")) forbidden();
  const [t, localeRaw] = await Promise.all([getTranslations("workshops"), getLocale()]);
  const options = await getWorkshopFormOptions(user, localeRaw === "en" ? "en" : "uk");
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/workshops">{t("backToList")}</a>
      </p>
      <h1 className="page-title">{t("newTitle")}</h1>
      <p className="mb-4 max-w-prose">{t("newLead")}</p>
      <WorkshopForm options={options} action="/api/v1/workshops" next="/workshops?announced=1" />
    </>
  );
}
