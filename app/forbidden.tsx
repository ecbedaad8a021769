import { getTranslations } from "next-intl/server";

/** Part of every page's payload as a root boundary: a plain link keeps next/link's code off pages that never show it (decision 009). */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      <a href="/">{t("home")}</a>
    </>
  );
}
