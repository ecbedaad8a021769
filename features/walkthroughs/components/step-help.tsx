"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useT } from "@/ui/messages";
import { ApiError } from "@/ui/api-client";
import { sendOrQueue } from "@/features/offline/send-or-queue";

type Sent = { ok: boolean; text: string } | null;

/**
 * Under each step: "I'm stuck here" (recorded for the region's methodologists, with what can help
 * right now) and "this screen looks different now" (with an optional comment, never client data).
 */
export function StepHelp({ walkthroughId, stepId, curatorName }: { walkthroughId: string; stepId: string; curatorName: string | null }) {
  const t = useT("walkthrough");
  const tc = useT("common");
  const id = useId();
  const [open, setOpen] = useState<"stuck" | "different" | null>(null);
  const [comment, setComment] = useState("");
  const [sent, setSent] = useState<Sent>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (kind: "stuck" | "looks-different", text?: string) => {
    setError(null);
    try {
      const result = await sendOrQueue(
        {
          method: "POST",
          path: `/api/v1/walkthroughs/${walkthroughId}/reports`,
          body: { stepId, kind, ...(text ? { comment: text } : {}) },
          label: kind === "stuck" ? t("stuckOutbox") : t("differentOutbox"),
        },
        tc("offline"),
      );
      setSent({ ok: true, text: result.state === "queued" ? tc("queuedOffline") : kind === "stuck" ? t("stuckSent") : t("differentSent") });
      return true;
    } catch (e) {
      const message = e instanceof ApiError ? (e.body.fields?.comment?.[0] ?? e.message) : tc("offline");
      setError(message);
      return false;
    }
  };
  const stuck = async () => {
    setOpen("stuck");
    setSent(null);
    await send("stuck");
  };
  const submitDifferent = async (event: FormEvent) => {
    event.preventDefault();
    if (await send("looks-different", comment)) {
      setComment("");
      setOpen(null);
    }
  };
  return (
    <div className="no-print mt-4 border-t border-neutral-300 pt-3">
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-secondary" aria-expanded={open === "stuck"} aria-controls={`${id}-stuck`} onClick={() => void stuck()}>
          {t("stuck")}
        </button>
        <button
          type="button"
          className="btn-secondary"
          aria-expanded={open === "different"}
          aria-controls={`${id}-different`}
          onClick={() => {
            setOpen(open === "different" ? null : "different");
            setSent(null);
          }}
        >
          {t("looksDifferent")}
        </button>
      </div>
      {open === "stuck" ? (
        <div id={`${id}-stuck`} className="mt-3 rounded-md bg-neutral-100 p-3">
          <p className="mb-1 font-semibold">{t("stuckTitle")}</p>
          <ul className="ml-5 list-disc">
            <li>{t("stuckMistakes")}</li>
            <li>{curatorName ? t("stuckCurator", { name: curatorName }) : t("stuckNoCurator")}</li>
            <li>{t("stuckLater")}</li>
          </ul>
        </div>
      ) : null}
      {open === "different" ? (
        <form
          ref={keepEarlyInput}
          method="post"
          id={`${id}-different`}
          className="mt-3 rounded-md bg-neutral-100 p-3"
          onSubmit={(e) => void submitDifferent(e)}
        >
          <label htmlFor={`${id}-comment`} className="mb-1 block font-semibold">
            {t("differentLabel")}
          </label>
          <p id={`${id}-hint`} className="mb-1 text-sm">
            {t("differentHint")}
          </p>
          <textarea
            id={`${id}-comment`}
            className="input min-h-24"
            maxLength={500}
            value={comment}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <button type="submit" className="btn mt-2">
            {t("differentSend")}
          </button>
        </form>
      ) : null}
      <p role="status" className="mt-2">
        {sent?.text ?? ""}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
