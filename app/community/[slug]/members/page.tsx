import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getGroupMembers } from "@/features/community/server/get-group-members";
import { loadForPage } from "@/app/_lib/page-access";
import { ClientMessages } from "@/ui/client-messages";
import { ActionButton } from "@/features/community/components/action-button";
import { GroupInviteForm } from "@/features/community/components/group-invite-form";

export async function generateMetadata() {
  return { title: (await getTranslations("communityGroups"))("members") };
}

export const dynamic = "force-dynamic";

/** A private group's members (members only; 404 otherwise); its owner invites, answers requests and removes members. */
export default async function GroupMembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const [{ slug }, t] = await Promise.all([params, getTranslations("communityGroups")]);
  const view = await loadForPage(getGroupMembers(user, slug));
  const base = `/api/v1/community/groups/${view.group.slug}`;
  return (
    <ClientMessages namespaces={["communityGroups", "common"]}>
      <p className="mb-2 text-sm">
        <a href={`/community/${view.group.slug}`}>{t("backToGroup", { name: view.group.name })}</a>
      </p>
      <h1 className="page-title">{t("membersTitle", { name: view.group.name })}</h1>
      <ul className="mb-6 grid gap-2">
        {view.members.map((m) => (
          <li key={m.userId} className="card flex flex-wrap items-center justify-between gap-2">
            <span>
              {m.name}
              {m.isOwner ? <span className="ml-2 text-sm text-muted">({t("owner")})</span> : null}
            </span>
            {view.isOwner && !m.isOwner ? (
              <ActionButton
                method="DELETE"
                path={`${base}/members/${m.userId}`}
                label={t("remove")}
                ariaLabel={t("removeNamed", { name: m.name })}
                variant="btn-danger"
              />
            ) : null}
          </li>
        ))}
      </ul>
      {view.isOwner ? (
        <>
          <section aria-labelledby="requests-heading" className="mb-6">
            <h2 id="requests-heading" className="mb-2 text-xl font-bold">
              {t("requests")}
            </h2>
            {view.requests.length === 0 ? (
              <p>{t("noRequests")}</p>
            ) : (
              <ul className="grid gap-2">
                {view.requests.map((r) => (
                  <li key={r.id} className="card flex flex-wrap items-center justify-between gap-2">
                    <span>
                      {r.name} · <span className="text-sm text-muted">{r.organizationName}</span>
                    </span>
                    <span className="flex flex-wrap gap-2">
                      <ActionButton
                        method="PUT"
                        path={`/api/v1/community/admissions/${r.id}`}
                        body={{ decision: "accept" }}
                        label={t("accept")}
                        ariaLabel={t("acceptNamed", { name: r.name })}
                        variant="btn"
                      />
                      <ActionButton
                        method="PUT"
                        path={`/api/v1/community/admissions/${r.id}`}
                        body={{ decision: "decline" }}
                        label={t("decline")}
                        ariaLabel={t("declineNamed", { name: r.name })}
                      />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="invite-heading" className="card mb-6 grid gap-2">
            <h2 id="invite-heading" className="text-xl font-bold">
              {t("inviteHeading")}
            </h2>
            <p className="text-sm">{t("inviteLead", { methodologist: user.roles.includes("METHODOLOGIST") ? "yes" : "no" })}</p>
            <GroupInviteForm slug={view.group.slug} people={view.invitees} />
          </section>
          {view.invitations.length > 0 ? (
            <section aria-labelledby="invitations-heading" className="mb-6">
              <h2 id="invitations-heading" className="mb-2 text-xl font-bold">
                {t("pendingInvitations")}
              </h2>
              <ul className="grid gap-1">
                {view.invitations.map((i) => (
                  <li key={i.id}>
                    {i.name} — <span className="text-muted">{t("waiting")}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      {view.canLeave ? <ActionButton method="DELETE" path={`${base}/members/${user.id}`} label={t("leave")} variant="btn-danger" then="/community" /> : null}
    </ClientMessages>
  );
}
