import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { can, hasRecentSecondFactor } from "@/server/authz/policy";
import { findUsers, USERS_PAGE_SIZE } from "@/features/admin/server/queries";
import { PageNav } from "@/ui/page-nav";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { UserActions } from "@/features/admin/components/user-actions";
import { ClientMessages } from "@/ui/client-messages";
import { nameInCase } from "@/server/name-cases";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[]; erased?: string | string[] }>;
}) {
  const user = await requirePermission("read:users");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : "";
  const requested = typeof params.page === "string" && /^\d{1,6}$/.test(params.page) ? Number(params.page) : 1;
  const [{ rows, total, page, pageCount }, t, tr, locale] = await Promise.all([
    findUsers(user, q, requested),
    getTranslations("users"),
    getTranslations("roles"),
    getLocale(),
  ]);
  const pageHref = (to: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(to > 1 ? { page: String(to) } : {}) }).toString()}`;
  const pages = <PageNav page={page} pageCount={pageCount} href={pageHref} label={t("pagesLabel")} />;
  const namesGen = await Promise.all(rows.map((row) => nameInCase(row.name, "genitive", locale === "en" ? "en" : "uk")));
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/users" />
      {params.erased === "1" ? (
        <p role="status" className="card mb-4">
          {t("erasedNotice")}
        </p>
      ) : null}
      <form method="get" role="search" className="mb-4 flex max-w-xl flex-wrap items-end gap-2">
        <div className="flex-1">
          <label htmlFor="q" className="mb-1 block font-semibold">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <button type="submit" className="btn">
          {t("searchSubmit")}
        </button>
      </form>
      <p className="mb-2" role="status">
        {rows.length
          ? t("shownRange", { from: (page - 1) * USERS_PAGE_SIZE + 1, to: (page - 1) * USERS_PAGE_SIZE + rows.length, total })
          : t("shown", { shown: 0, total })}
      </p>
      {pages}
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // relative: a visually hidden label inside a cell stays within the scrolling box, not past the page's edge.
        <div className="relative overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("organization")}</th>
                <th scope="col">{t("roles")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.id}>
                  <td>
                    <div className="font-semibold">{row.name}</div>
                    <div className="break-all text-sm">{row.email}</div>
                  </td>
                  <td>{row.organization}</td>
                  <td>{row.roles.map((r) => tr(r)).join(", ")}</td>
                  <td>{row.locked ? t("locked") : row.status === "ACTIVE" ? t("active") : t("disabled")}</td>
                  <td>
                    {!row.isSelf && can(user, "manage:user", { userId: row.id, regionId: row.regionId, roles: row.roles }) ? (
                      <ClientMessages namespaces={["users"]}>
                        <UserActions
                          userId={row.id}
                          nameGen={namesGen[i]!}
                          status={row.status}
                          secondFactorReset={
                            row.hasSecondFactor && can(user, "reset:second-factor", { userId: row.id, regionId: row.regionId, roles: row.roles })
                              ? hasRecentSecondFactor(user)
                                ? "allowed"
                                : "needsProof"
                              : "none"
                          }
                        />
                      </ClientMessages>
                    ) : null}
                    {can(user, "erase:user", { userId: row.id }) ? (
                      <p className="mt-2 text-sm">
                        <a href={`/admin/users/${row.id}/erase`}>
                          {t("erase")}
                          <span className="sr-only"> {t("eraseWho", { nameGen: namesGen[i]! })}</span>
                        </a>
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages}
    </>
  );
}
