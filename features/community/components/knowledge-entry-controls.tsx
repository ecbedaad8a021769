"use client";

import { useState } from "react";
import { useT } from "@/ui/messages";
import { ActionButton } from "./action-button";
import { KnowledgeEntryForm } from "./knowledge-entry-form";

type Props = {
  entryId: string;
  title: string;
  summary: string;
  answerPostId: string | null;
  needsReview: boolean;
  isFirst: boolean;
  isLast: boolean;
};

/** A curator's controls on one knowledge-base entry: edit (and confirm), move up or down, remove. */
export function KnowledgeEntryControls({ entryId, title, summary, answerPostId, needsReview, isFirst, isLast }: Props) {
  const t = useT("communityKnowledge");
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <KnowledgeEntryForm
        mode="edit"
        entryId={entryId}
        title={title}
        summary={summary}
        answerPostId={answerPostId}
        needsReview={needsReview}
        onDone={() => setEditing(false)}
      />
    );
  const position = `/api/v1/community/knowledge/${entryId}/position`;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
      <button type="button" className="btn-secondary" onClick={() => setEditing(true)}>
        {t("edit")}
      </button>
      {isFirst ? null : <ActionButton method="PUT" path={position} body={{ direction: "up" }} label="↑" ariaLabel={t("moveUp", { title })} />}
      {isLast ? null : <ActionButton method="PUT" path={position} body={{ direction: "down" }} label="↓" ariaLabel={t("moveDown", { title })} />}
      <ActionButton method="DELETE" path={`/api/v1/community/knowledge/${entryId}`} label={t("remove")} variant="btn-danger" />
    </div>
  );
}
