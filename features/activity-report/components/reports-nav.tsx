import { getTranslations } from "next-intl/server";

/** Links between the regional reports (competency, activity); the current one is marked for screen readers. */
export async function ReportsNav({ current }: { current: "competency" | "activity" }) {
  const t = await getTranslations("activityReport");
  const links = [
    { id: "competency", href: "/reports", label: t("competencyReport") },
    { id: "activity", href: "/reports/activity", label: t("activityReport") },
  ] as const;
  return (
    <nav aria-label={t("reportsNav")} className="no-print mb-4">
      <ul className="flex flex-wrap gap-4">
        {links.map((link) => (
          <li key={link.id}>
            <a href={link.href} aria-current={link.id === current ? "page" : undefined} className={link.id === current ? "font-bold" : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
