import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getMyData } from "@/features/accounts/server/get-my-data";
import { MyDataView } from "@/features/accounts/components/my-data-view";
import { formatDateTime } from "@/server/i18n";

export async function generateMetadata() {
  return { title: (await getTranslations("myData"))("title") };
}

export const dynamic = "force-dynamic";

/**
 * "My data" (decision 051): everything the platform holds about the signed-in person, read out in
 * sections, with the same data to download as JSON. Reading it writes nothing.
 */
export default async function MyDataPage() {
  const user = await requireUser();
  const [data, t, locale] = await Promise.all([getMyData(user), getTranslations("myData"), getLocale()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/profile">{t("backToProfile")}</a>
      </p>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-2 max-w-prose">{t("lead")}</p>
      <p className="mb-2 max-w-prose">{t("notIncluded")}</p>
      <p className="mb-4 text-sm text-muted">{t("generated", { date: formatDateTime(new Date(data.generatedAt), locale === "en" ? "en" : "uk") })}</p>
      <p className="mb-6">
        <a className="btn" href="/api/v1/me/data" download>
          {t("download")}
        </a>
      </p>
      <MyDataView data={data} />
    </>
  );
}
