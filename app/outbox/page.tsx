import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { OutboxList } from "@/features/offline/components/outbox-list";
import { ClientMessages } from "@/ui/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("deviceOutbox"))("title") };
}

/** The signed-in person's changes kept on this device until the server takes them (decision 034). */
export default async function OutboxPage() {
  const user = await requireUser();
  const t = await getTranslations("deviceOutbox");
  return (
    <ClientMessages namespaces={["deviceOutbox"]}>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      <OutboxList userId={user.id} />
    </ClientMessages>
  );
}
