import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { ClientMessages } from "@/ui/client-messages";
import { SavedOnDevice } from "@/features/offline/components/saved-on-device";

export async function generateMetadata() {
  return { title: (await getTranslations("offlineSave"))("pageTitle") };
}

/** What the signed-in person can open on this device without a connection (decision 036). */
export default async function SavedPage() {
  await requireUser();
  const t = await getTranslations("offlineSave");
  return (
    <ClientMessages namespaces={["offlineSave", "savedOnDevice"]}>
      <div className="mx-auto max-w-3xl">
        <h1 className="page-title">{t("pageTitle")}</h1>
        <p className="mb-4">{t("pageLead")}</p>
        <SavedOnDevice />
      </div>
    </ClientMessages>
  );
}
