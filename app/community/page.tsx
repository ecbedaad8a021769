import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { listSpaces, type SpaceSummary } from "@/features/community/server/list-spaces";
import { listModeratedSpaces } from "@/features/community/server/list-moderated-spaces";
import { listMyAdmissions } from "@/features/community/server/list-my-admissions";
import { can } from "@/server/authz/policy";
import { ClientMessages } from "@/ui/client-messages";
import { GroupInvitations, JoinRequestControl } from "@/features/community/components/group-admissions";

export async function generateMetadata() {
  return { title: (await getTranslations("community"))("title") };
}

export const dynamic = "force-dynamic";

/** The spaces the person can see, grouped: national, their region, their groups, other regions (admins), other groups by name only. */
export default async function CommunityPage() {
  const user = await requireUser();
  const [t, ts, spaces, admissions, moderated] = await Promise.all([
    getTranslations("community"),
    getTranslations("communitySpaces"),
    listSpaces(user),
    listMyAdmissions(user),
    listModeratedSpaces(user),
  ]);
  const groups: { key: string; title: string; spaces: SpaceSummary[]; lead?: string }[] = [
    { key: "national", title: t("national"), spaces: spaces.filter((s) => s.kind === "NATIONAL") },
    { key: "region", title: t("myRegion"), spaces: spaces.filter((s) => s.kind === "REGION" && s.isOwnRegion) },
    { key: "groups", title: t("myGroups"), spaces: spaces.filter((s) => s.kind === "GROUP" && s.readable) },
    { key: "regions", title: t("regions"), spaces: spaces.filter((s) => s.kind === "REGION" && !s.isOwnRegion) },
    { key: "other", title: t("otherGroups"), spaces: spaces.filter((s) => s.kind === "GROUP" && !s.readable), lead: t("otherGroupsLead") },
  ];
  return (
    <ClientMessages namespaces={["communityGroups", "common"]}>
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-2">{t("lead")}</p>
      <p className="mb-6 flex flex-wrap gap-4">
        <a href="/community/search">{t("search")}</a>
        {can(user, "create:community-group") ? <a href="/community/new-group">{(await getTranslations("communityGroups"))("create")}</a> : null}
        {can(user, "create:community-space") ? <a href="/community/new-space">{ts("create")}</a> : null}
        {moderated.spaces.length > 0 ? <a href="/community/moderation">{ts("moderation")}</a> : null}
      </p>
      <GroupInvitations invitations={admissions.invitations} />
      {groups
        .filter((g) => g.spaces.length > 0 || g.key === "national")
        .map((g) => (
          <section key={g.key} aria-labelledby={`spaces-${g.key}`} className="mb-8">
            <h2 id={`spaces-${g.key}`} className="mb-2 text-xl font-bold">
              {g.title}
            </h2>
            {g.lead ? <p className="mb-2 text-sm text-muted">{g.lead}</p> : null}
            {g.spaces.length === 0 ? (
              <p>{t("none")}</p>
            ) : (
              <ul className="grid gap-3">
                {g.spaces.map((s) => (
                  <li key={s.id} className="card">
                    {s.readable ? (
                      <a href={`/community/${s.slug}`} className="text-lg font-semibold">
                        {s.name}
                      </a>
                    ) : (
                      <span className="text-lg font-semibold">{s.name}</span>
                    )}
                    {s.description ? <p>{s.description}</p> : null}
                    <p className="text-sm text-muted">
                      {s.threadCount !== null ? t("threadCount", { count: s.threadCount }) : null}
                      {s.threadCount !== null && s.ownerName ? " · " : null}
                      {s.ownerName ? t("owner", { name: s.ownerName }) : null}
                    </p>
                    {s.kind === "GROUP" && !s.readable ? (
                      <JoinRequestControl slug={s.slug} name={s.name} isPending={admissions.requestedSlugs.includes(s.slug)} />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </ClientMessages>
  );
}
