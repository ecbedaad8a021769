import { getTranslations } from "next-intl/server";
import type { WorkshopCard } from "../server/workshop-views";
import { formatWorkshopTime } from "../format";

/** A list of workshops (no JavaScript): title, Kyiv time, where, seats and the reader's place. */
export async function WorkshopList({
  cards,
  locale,
  empty,
  headingLevel = 3,
}: {
  cards: WorkshopCard[];
  locale: "uk" | "en";
  empty: string;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations("workshops");
  if (!cards.length) return <p className="text-muted">{empty}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-3">
      {cards.map((w) => (
        <li key={w.id} className="card">
          <Heading className="text-lg font-semibold">
            <a href={`/workshops/${w.id}`}>{w.title}</a>
          </Heading>
          <p className="text-sm">{formatWorkshopTime(w.startsAt, w.endsAt, locale)}</p>
          <p className="text-sm text-muted">
            {w.online ? t("online") : w.place}
            {w.regionName ? ` · ${w.regionName}` : ` · ${t("national")}`}
            {w.audience !== "REGION" ? ` · ${t(`audienceShort.${w.audience}`)}` : ""}
          </p>
          <p className="mt-1 flex flex-wrap gap-2 text-sm">
            {w.cancelled ? <span className="rounded bg-red-100 px-2 font-semibold text-red-900">{t("cancelledBadge")}</span> : null}
            {w.myStatus === "REGISTERED" ? <span className="rounded bg-brand-50 px-2 font-semibold text-brand-800">{t("registeredBadge")}</span> : null}
            {w.myStatus === "WAITLISTED" ? <span className="rounded bg-amber-100 px-2 font-semibold text-neutral-900">{t("waitlistedBadge")}</span> : null}
            {w.attended ? <span className="rounded bg-brand-50 px-2 font-semibold text-brand-800">{t("attendedBadge")}</span> : null}
            {!w.cancelled && !w.myStatus && new Date(w.startsAt) > new Date() ? (
              <span>{w.seatsLeft > 0 ? t("seatsLeft", { left: w.seatsLeft, capacity: w.capacity }) : t("full")}</span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
