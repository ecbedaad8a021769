import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getWorkshopForEdit } from "@/features/workshops/server/get-workshop";
import { getWorkshopFormOptions } from "@/features/workshops/server/form-options";
import { WorkshopForm } from "@/features/workshops/components/workshop-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("workshops"))("editTitle") };
}

export default async function EditWorkshopPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const [{ id }, t, localeRaw] = await Promise.all([params, getTranslations("workshops"), getLocale()]);
  const values = await loadForPage(getWorkshopForEdit(user, id));
  const options = await getWorkshopFormOptions(user, localeRaw === "en" ? "en" : "uk");
  return (
    <>
      <p className="mb-2 text-sm">
        <a href={`/workshops/${values.id}`}>{t("backToWorkshop")}</a>
      </p>
      <h1 className="page-title">{t("editTitle")}</h1>
      {values.editable ? (
        <>
          <p className="mb-4 max-w-prose">{t("editLead")}</p>
          <WorkshopForm options={options} values={values} action={`/api/v1/workshops/${values.id}/edit`} next={`/workshops/${values.id}`} />
        </>
      ) : (
        <p className="notice-error">{t("notEditable")}</p>
      )}
    </>
  );
}
