import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/authz/policy";
import { getNextWorkshop } from "../server/list-workshops";
import { formatWorkshopTime } from "../format";

/** Today's small card: the reader's next workshop within 7 days, or nothing at all (no JavaScript, one query or two). */
export async function NextWorkshopCard({ user, locale }: { user: Actor; locale: "uk" | "en" }) {
  const w = await getNextWorkshop(user, locale);
  if (!w) return null;
  const t = await getTranslations("workshops");
  return (
    <section className="card" aria-labelledby="next-workshop">
      <h2 id="next-workshop" className="mb-2 text-xl font-bold">
        {t("todayTitle")}
      </h2>
      <p className="font-semibold">
        <a href={`/workshops/${w.id}`}>{w.title}</a>
      </p>
      <p className="text-sm">{formatWorkshopTime(w.startsAt, w.endsAt, locale)}</p>
      <p className="mt-1 text-sm text-muted">
        {w.myStatus === "REGISTERED"
          ? t("registeredBadge")
          : w.myStatus === "WAITLISTED"
            ? t("waitlistedBadge")
            : w.seatsLeft > 0
              ? t("seatsLeft", { left: w.seatsLeft, capacity: w.capacity })
              : t("full")}
      </p>
    </section>
  );
}
