import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { getDirectory } from "@/features/admin/server/queries";
import { AdminNav } from "@/features/admin/components/admin-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("directory"))("title") };
}

export default async function DirectoryPage() {
  const user = await requirePermission("read:directory");
  const locale = (await getLocale()) === "en" ? "en" : "uk";
  const [regions, t, tk] = await Promise.all([getDirectory(user, locale), getTranslations("directory"), getTranslations("orgKinds")]);
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/directory" />
      <p className="mb-4">{t("lead")}</p>
      {regions.map((region) => (
        <section key={region.id} className="card mb-4" aria-labelledby={`r-${region.id}`}>
          <h2 id={`r-${region.id}`} className="mb-2 text-xl font-bold">{region.name}</h2>
          {region.hromadas.map((h) => (
            <div key={h.id} className="mb-3">
              <h3 className="font-semibold">{h.name}</h3>
              <ul className="ml-5 list-disc">
                {h.organizations.map((o) => (
                  <li key={o.id}>
                    {o.name} — {tk(o.kind as "NGO")}, {t("people", { count: o.people })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
