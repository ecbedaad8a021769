import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { ImportForm } from "@/features/admin/components/import-form";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("import"))("title") };
}

const EXAMPLE = `name,email,organization,roles,position
Ганна Іваненко,hanna.ivanenko@example.org,Центр надання соціальних послуг Решетилівської міської ради,learner,фахівець із соціальної роботи
Петро Марченко,petro.marchenko@example.org,Центр надання соціальних послуг Решетилівської міської ради,learner;curator,соціальний менеджер`;

export default async function ImportPage() {
  const user = await requirePermission("read:users");
  const t = await getTranslations("import");
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/import" />
      <p className="mb-2 max-w-prose">{t("lead")}</p>
      <p className="mb-2 max-w-prose">{t("format")}</p>
      <p className="font-semibold">{t("example")}:</p>
      <pre className="mb-6 whitespace-pre-wrap break-words rounded-md bg-neutral-100 p-3 text-sm">{EXAMPLE}</pre>
      <section className="card">
        <ClientMessages namespaces={["import"]}>
          <ImportForm />
        </ClientMessages>
      </section>
    </>
  );
}
