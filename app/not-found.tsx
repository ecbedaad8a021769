import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4">{t("lead")}</p>
      <Link href="/">{t("home")}</Link>
    </>
  );
}
