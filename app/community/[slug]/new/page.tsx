import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listThreads } from "@/features/community/server/list-threads";
import { loadForPage } from "@/app/_lib/page-access";
import { PostForm } from "@/features/community/components/post-form";
import { ClientMessages } from "@/ui/client-messages";
import { CommunityComposer } from "@/features/community/components/composer-context";

export const dynamic = "force-dynamic";

/** Start a thread: the kind, and for a hard case the template with the reminder of what counts as a client's data. */
export default async function NewThreadPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const [{ slug }, t, tp] = await Promise.all([params, getTranslations("community"), getTranslations("privacy")]);
  const { space } = await loadForPage(listThreads(user, slug));
  return (
    <ClientMessages namespaces={["community", "common", "communityDrafts"]}>
      <CommunityComposer userId={user.id} />
      <p className="mb-2 text-sm">
        <a href={`/community/${space.slug}`}>{t("backToSpace", { name: space.name })}</a>
      </p>
      <h1 className="page-title">{t("newThread")}</h1>
      <p className="mb-2 text-lg">{space.name}</p>
      <PostForm mode="thread" spaceSlug={space.slug} reminder={tp("reminder")} />
    </ClientMessages>
  );
}
