import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { getDirectory } from "@/features/admin/server/queries";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { AddHromadaForm, AddOrganizationForm, AddRegionForm, ReassessSetting } from "@/features/directory/components/directory-forms";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("directory"))("title") };
}

export default async function DirectoryPage() {
  const user = await requirePermission("read:directory");
  const locale = (await getLocale()) === "en" ? "en" : "uk";
  const [regions, t, tk] = await Promise.all([getDirectory(user, locale), getTranslations("directory"), getTranslations("orgKinds")]);
  const hromadaOptions = regions.flatMap((r) => r.hromadas.map((h) => ({ id: h.id, label: `${h.name} (${r.name})` })));
  const isAdmin = can(user, "manage:directory");
  return (
    <ClientMessages namespaces={["directory", "orgKinds"]}>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/directory" />
      <p className="mb-4">{t("lead")}</p>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div>
          {regions.map((region) => (
            <section key={region.id} className="card mb-4" aria-labelledby={`r-${region.id}`}>
              <h2 id={`r-${region.id}`} className="mb-2 text-xl font-bold">
                {region.name}
              </h2>
              {region.hromadas.length === 0 ? <p>{t("noHromadas")}</p> : null}
              {region.hromadas.map((h) => (
                <div key={h.id} className="mb-3">
                  <h3 className="font-semibold">{h.name}</h3>
                  {h.organizations.length === 0 ? (
                    <p className="ml-5">{t("noOrganizations")}</p>
                  ) : (
                    <ul className="ml-5 list-disc">
                      {h.organizations.map((o) => (
                        <li key={o.id} className="mb-2">
                          {o.name} — {tk(o.kind as "NGO")}, {t("people", { count: o.people })}
                          <ReassessSetting organizationId={o.id} name={o.name} days={o.reassessEveryDays} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </section>
          ))}
        </div>
        <div className="grid content-start gap-6">
          <section className="card" aria-labelledby="add-org">
            <h2 id="add-org" className="mb-3 text-xl font-bold">
              {t("addOrganization")}
            </h2>
            <AddOrganizationForm hromadas={hromadaOptions} />
          </section>
          {isAdmin ? (
            <>
              <section className="card" aria-labelledby="add-hromada">
                <h2 id="add-hromada" className="mb-3 text-xl font-bold">
                  {t("addHromada")}
                </h2>
                <AddHromadaForm regions={regions.map((r) => ({ id: r.id, label: r.name }))} />
              </section>
              <section className="card" aria-labelledby="add-region">
                <h2 id="add-region" className="mb-3 text-xl font-bold">
                  {t("addRegion")}
                </h2>
                <AddRegionForm />
              </section>
            </>
          ) : null}
        </div>
      </div>
    </ClientMessages>
  );
}
