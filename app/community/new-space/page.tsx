import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { requireUser } from "@/server/auth/require-user";
import { can } from "@/server/authz/policy";
import { ClientMessages } from "@/ui/client-messages";
import { SpaceCreateForm } from "@/features/community/components/space-create-form";

export async function generateMetadata() {
  return { title: (await getTranslations("communitySpaces"))("createTitle") };
}

export const dynamic = "force-dynamic";

/** Admins open a national topic space here (the API checks the same rule). */
export default async function NewSpacePage() {
  const user = await requireUser();
  if (!can(user, "create:community-space")) forbidden();
  const [t, tc] = await Promise.all([getTranslations("communitySpaces"), getTranslations("community")]);
  return (
    <ClientMessages namespaces={["common"]}>
      <p className="mb-2 text-sm">
        <a href="/community">{tc("backToCommunity")}</a>
      </p>
      <h1 className="page-title">{t("createTitle")}</h1>
      <p className="mb-4">{t("createLead")}</p>
      <SpaceCreateForm
        endpoint="/api/v1/community/spaces"
        labels={{ name: t("name"), nameHint: t("nameHint"), description: t("description"), submit: t("submit") }}
        then="/community/{slug}"
        descriptionMax={500}
      />
    </ClientMessages>
  );
}
