import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { hasRecentSecondFactor, type Actor } from "@/server/authz/policy";

/**
 * Wraps the controls of a sensitive action (a region's data export, resetting someone's second
 * factor): shown as they are when this session proved the second factor in the last 15 minutes;
 * otherwise a short reason and a link to prove it, which brings the person back to this page.
 */
export async function SecondFactorGate({ actor, children }: { actor: Actor; children: ReactNode }) {
  if (hasRecentSecondFactor(actor)) return <>{children}</>;
  const [t, path] = await Promise.all([getTranslations("secondFactor"), headers().then((h) => h.get("x-pathname") ?? "/")]);
  return (
    <p className="no-print mb-6 max-w-prose">
      {t("gateLead")} <a href={`/sign-in/second-factor?next=${encodeURIComponent(path)}`}>{t("gateLink")}</a>
    </p>
  );
}
