import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { getAdminOverview } from "@/features/admin/server/queries";
import { AdminNav } from "@/features/admin/components/admin-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const user = await requirePermission("read:admin-area");
  const [overview, t, locale] = await Promise.all([getAdminOverview(user), getTranslations("admin"), getLocale()]);
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin" />
      <p className="mb-2">{t("lead")}</p>
      <p className="mb-4">
        {overview.regionName ? t("scopeRegion", { region: locale === "en" ? overview.regionName.en : overview.regionName.uk }) : t("scopeNational")}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="card text-lg">{t("usersCount", { count: overview.users })}</li>
        <li className="card text-lg">{t("pendingCount", { count: overview.pendingInvitations })}</li>
      </ul>
    </>
  );
}
