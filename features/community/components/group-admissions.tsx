"use client";

import { useT } from "@/ui/messages";
import { ActionButton } from "./action-button";

type Invitation = { id: string; groupName: string; ownerName: string; invitedByName: string };

/** The person's pending invitations to private groups, each accepted or declined once. */
export function GroupInvitations({ invitations }: { invitations: Invitation[] }) {
  const t = useT("communityGroups");
  if (invitations.length === 0) return null;
  return (
    <section id="invitations" aria-labelledby="invitations-heading" className="mb-8">
      <h2 id="invitations-heading" className="mb-2 text-xl font-bold">
        {t("invitations")}
      </h2>
      <ul className="grid gap-3">
        {invitations.map((i) => (
          <li key={i.id} className="card grid gap-2">
            <p>{t("invitationText", { inviter: i.invitedByName, group: i.groupName, owner: i.ownerName })}</p>
            <span className="flex flex-wrap gap-2">
              <ActionButton
                method="PUT"
                path={`/api/v1/community/admissions/${i.id}`}
                body={{ decision: "accept" }}
                label={t("accept")}
                ariaLabel={t("acceptNamed", { name: i.groupName })}
                variant="btn"
              />
              <ActionButton
                method="PUT"
                path={`/api/v1/community/admissions/${i.id}`}
                body={{ decision: "decline" }}
                label={t("decline")}
                ariaLabel={t("declineNamed", { name: i.groupName })}
              />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a group the person is not in: ask to join, or the note that they are waiting. */
export function JoinRequestControl({ slug, name, isPending }: { slug: string; name: string; isPending: boolean }) {
  const t = useT("communityGroups");
  if (isPending) return <p className="text-sm font-semibold">{t("requestSent")}</p>;
  return (
    <div className="mt-2">
      <ActionButton method="POST" path={`/api/v1/community/groups/${slug}/requests`} label={t("askToJoin")} ariaLabel={t("askToJoinNamed", { name })} />
    </div>
  );
}
