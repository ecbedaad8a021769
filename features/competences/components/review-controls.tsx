"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";

type Body = { itemType: "AREA" | "COMPETENCE"; itemId: string; confirmed: boolean; comment?: string };

/** A curator's confirmation or comment on one self-rating. */
export function ReviewControls({
  assessmentId,
  itemType,
  itemId,
  label,
}: {
  assessmentId: string;
  itemType: "AREA" | "COMPETENCE";
  itemId: string;
  label: string;
}) {
  const t = useT("competences");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const mutation = useApiMutation<Body, { id: string }>("PUT", `/api/v1/assessments/${assessmentId}/reviews`, tc("offline"), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      className="mt-2"
      noValidate
      aria-label={t("reviewFor", { name: label })}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        mutation.mutate({ itemType, itemId, confirmed: submitter?.value === "confirm", comment: String(f.get("comment") ?? "") || undefined });
      }}
    >
      <label htmlFor={id} className="mb-1 block text-sm font-semibold">
        {t("reviewComment")}
      </label>
      <textarea id={id} name="comment" rows={2} maxLength={1000} className="input mb-2" />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="action" value="confirm" className="btn-secondary" disabled={mutation.isPending}>
          {t("confirm")}
        </button>
        <button type="submit" name="action" value="comment" className="btn-secondary" disabled={mutation.isPending}>
          {t("commentOnly")}
        </button>
      </div>
      {mutation.error ? (
        <p role="alert" className="text-red-800">
          {mutation.error.message}
        </p>
      ) : null}
      {mutation.isSuccess ? <p role="status">{t("reviewSaved")}</p> : null}
    </form>
  );
}
