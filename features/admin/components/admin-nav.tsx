import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/server/authz/policy";

export async function AdminNav({ actor, current }: { actor: Actor; current: string }) {
  const t = await getTranslations("admin");
  const links = [
    { href: "/admin/users", label: t("usersLink") },
    { href: "/admin/invitations", label: t("invitationsLink") },
    { href: "/admin/import", label: t("importLink") },
    { href: "/admin/directory", label: t("directoryLink") },
    ...(can(actor, "manage:mentorships", { regionId: actor.regionId }) ? [{ href: "/admin/mentorships", label: t("mentorshipsLink") }] : []),
    ...(can(actor, "read:outbox") ? [{ href: "/admin/outbox", label: t("outboxLink") }] : []),
    ...(can(actor, "read:audit") ? [{ href: "/admin/audit", label: t("auditLink") }] : []),
  ];
  return (
    <nav aria-label={t("sections")} className="mb-6 no-print">
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={current === l.href ? "page" : undefined} className={current === l.href ? "font-bold" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
