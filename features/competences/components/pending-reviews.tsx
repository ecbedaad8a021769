"use client";

import { useState } from "react";
import { useT } from "@/ui/messages";
import type { RatedItemDto } from "../server/get-my-competences";
import { ReviewControls } from "./review-controls";

/**
 * The ratings a curator has not yet confirmed or commented on, each with its confirm and comment
 * buttons, at the top of a mentee's profile (no section to expand first). The list is kept as it
 * first came: once a review is saved the page refreshes without that rating, but its entry stays
 * here with its "saved" status, so the focus and the announcement are not lost with it.
 */
export function PendingReviews({ assessmentId, items }: { assessmentId: string; items: (RatedItemDto & { anchor: string })[] }) {
  const t = useT("competences");
  const [shown] = useState(items);
  if (!shown.length) return <p>{t("pendingNone")}</p>;
  return (
    <ul className="grid gap-4">
      {shown.map((item) => (
        <li key={`${item.itemType}:${item.itemId}`} id={item.anchor} className="border-l-4 border-amber-700 pl-3">
          <p className="font-semibold">{item.title}</p>
          <p>{t("pendingLine", { level: item.level === 0 ? t("notYet") : String(item.level), target: item.target })}</p>
          {item.note ? (
            <p className="text-sm">
              {t("noteLabel")}: {item.note}
            </p>
          ) : null}
          <ReviewControls assessmentId={assessmentId} itemType={item.itemType} itemId={item.itemId} label={item.title} />
        </li>
      ))}
    </ul>
  );
}
