import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { loadForPage } from "@/app/_lib/page-access";
import { getErasureTarget } from "@/features/accounts/server/get-erasure-target";
import { AdminNav } from "@/features/admin/components/admin-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("erasure"))("title") };
}

export const dynamic = "force-dynamic";

/**
 * An admin erases a person on request (decision 051): what goes and what stays, then a plain form
 * that asks for the person's e-mail address typed out. Works without JavaScript; the API answers
 * the form with the people list, or with a page that says what was wrong.
 */
export default async function ErasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("read:users");
  const [{ id }, t] = await Promise.all([params, getTranslations("erasure")]);
  const target = await loadForPage(getErasureTarget(user, id));
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/users" />
      <p className="mb-4 text-sm">
        <a href="/admin/users">{t("back")}</a>
      </p>
      {target.erased ? (
        <p role="status" className="card max-w-prose">
          {t("alreadyErased")}
        </p>
      ) : (
        <div className="grid max-w-prose gap-4">
          <section className="card" aria-labelledby="erase-who">
            <h2 id="erase-who" className="mb-2 text-xl font-bold">
              {t("who")}
            </h2>
            <p className="font-semibold">{target.name}</p>
            <p className="break-all">{target.email}</p>
            <p>{target.organization}</p>
          </section>
          <section className="card" aria-labelledby="erase-what">
            <h2 id="erase-what" className="mb-2 text-xl font-bold">
              {t("whatGoes")}
            </h2>
            <ul className="list-disc pl-5">
              <li>{t("goesAccount")}</li>
              <li>{t("goesPrivate")}</li>
              <li>{t("goesFeedback")}</li>
              <li>{t("goesMentions")}</li>
            </ul>
          </section>
          <section className="card" aria-labelledby="erase-stays">
            <h2 id="erase-stays" className="mb-2 text-xl font-bold">
              {t("whatStays")}
            </h2>
            <ul className="list-disc pl-5">
              <li>{t("staysFigures", { assessments: target.kept.assessments, days: target.kept.learningDays })}</li>
              <li>{t("staysPosts", { posts: target.kept.posts })}</li>
              <li>{t("staysAudit")}</li>
            </ul>
          </section>
          <form method="post" action={`/api/v1/users/${target.id}/erase`} className="card grid gap-3 border-red-800">
            <input type="hidden" name="next" value="/admin/users?erased=1" />
            <p className="font-semibold text-red-800">{t("irreversible")}</p>
            <div>
              <label htmlFor="erase-email" className="mb-1 block font-semibold">
                {t("confirmLabel")}
              </label>
              <p id="erase-email-hint" className="mb-1 text-sm">
                {t("confirmHint", { email: target.email })}
              </p>
              <input
                id="erase-email"
                name="email"
                type="email"
                required
                autoComplete="off"
                spellCheck={false}
                aria-describedby="erase-email-hint"
                className="input break-all"
              />
            </div>
            <p>
              <button type="submit" className="btn-danger">
                {t("submit")}
              </button>
            </p>
          </form>
        </div>
      )}
    </>
  );
}
