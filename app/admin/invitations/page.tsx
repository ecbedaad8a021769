import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { grantableRoles, hasRecentSecondFactor } from "@/server/authz/policy";
import { formatDateTime } from "@/server/i18n";
import { findPendingInvitations, listOrganizationOptions } from "@/features/admin/server/queries";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { InviteForm, RevokeInvitationButton } from "@/features/admin/components/invite-form";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitationsPage() {
  const user = await requirePermission("read:users");
  const locale = (await getLocale()) === "en" ? "en" : "uk";
  const [organizations, pending, t, tr] = await Promise.all([
    listOrganizationOptions(user, locale),
    findPendingInvitations(user),
    getTranslations("invite"),
    getTranslations("roles"),
  ]);
  return (
    <ClientMessages namespaces={["invite", "roles", "languages"]}>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/invitations" />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="invite-lead">
          <p id="invite-lead" className="mb-4">
            {t("lead")}
          </p>
          {hasRecentSecondFactor(user) ? null : (
            <p className="mb-4 text-sm">
              {t("privilegedNeedsProof")} <a href="/sign-in/second-factor?next=%2Fadmin%2Finvitations">{t("privilegedProofLink")}</a>
            </p>
          )}
          <InviteForm organizations={organizations} grantable={grantableRoles(user)} />
        </section>
        <section aria-labelledby="pending">
          <h2 id="pending" className="mb-3 text-xl font-bold">
            {t("pendingTitle")}
          </h2>
          {pending.length === 0 ? (
            <p>{t("noPending")}</p>
          ) : (
            <ul className="grid gap-3">
              {pending.map((inv) => (
                <li key={inv.id} className="card">
                  <p className="font-semibold">{inv.name}</p>
                  <p className="break-all">{inv.email}</p>
                  <p className="text-sm">
                    {inv.organization} · {inv.roles.map((r) => tr(r)).join(", ")}
                  </p>
                  <p className="mb-2 text-sm">
                    {t("expires")}: {formatDateTime(new Date(inv.expiresAt), locale)}
                  </p>
                  <RevokeInvitationButton id={inv.id} email={inv.email} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
