"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, newKey } from "@/ui/api-client";

/** `done`: the mentee has finished it — still offered, to go over again. */
type Option = { value: string; label: string; done?: boolean };

/**
 * A curator gives a mentee a lesson, a walkthrough or a track, with an optional due day and message.
 * The options come sorted by title; what the mentee has finished is marked, and can still be given.
 */
export function AssignForm({
  learnerId,
  lessons,
  walkthroughs,
  tracks,
  today,
}: {
  learnerId: string;
  lessons: Option[];
  walkthroughs: Option[];
  tracks: Option[];
  today: string;
}) {
  const t = useT("mentee");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<"lesson" | "walkthrough" | "track">("lesson");
  const [target, setTarget] = useState(lessons[0]?.value ?? "");
  const [dueOn, setDueOn] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const options = kind === "lesson" ? lessons : kind === "walkthrough" ? walkthroughs : tracks;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setStatus(null);
    try {
      await callApi(
        "POST",
        "/api/v1/assignments",
        { learnerId, kind, targetId: target, ...(dueOn ? { dueOn } : {}), ...(message.trim() ? { message } : {}) },
        newKey(),
        tc("offline"),
      );
      setStatus({ ok: true, text: t("assigned") });
      setMessage("");
      setDueOn("");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.body.fields) setErrors(e.body.fields);
      setStatus({ ok: false, text: e instanceof Error ? e.message : tc("offline") });
    } finally {
      setBusy(false);
    }
  };
  const field = (name: string) => (errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-${name}-error` } : {});
  const error = (name: string) =>
    errors[name]?.length ? (
      <p id={`${id}-${name}-error`} className="mt-1 font-semibold text-red-800">
        {errors[name]!.join(" ")}
      </p>
    ) : null;
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="grid gap-3">
      <fieldset>
        <legend className="mb-1 font-semibold">{t("kind")}</legend>
        <div className="flex flex-wrap gap-x-5">
          {(["lesson", "walkthrough", "track"] as const).map((k) => (
            <label key={k} className="inline-flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="kind"
                className="h-5 w-5"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setTarget((k === "lesson" ? lessons : k === "walkthrough" ? walkthroughs : tracks)[0]?.value ?? "");
                }}
              />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-target`} className="mb-1 block font-semibold">
          {t("what")}
        </label>
        <select id={`${id}-target`} className="input" value={target} onChange={(e) => setTarget(e.currentTarget.value)} {...field("targetId")}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.done ? t("optionDone", { title: o.label }) : o.label}
            </option>
          ))}
        </select>
        {error("targetId")}
      </div>
      <div>
        <label htmlFor={`${id}-due`} className="mb-1 block font-semibold">
          {t("dueOn")}
        </label>
        <input
          id={`${id}-due`}
          type="date"
          className="input max-w-xs"
          min={today}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          {...field("dueOn")}
        />
        {error("dueOn")}
      </div>
      <div>
        <label htmlFor={`${id}-message`} className="mb-1 block font-semibold">
          {t("message")}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-sm">
          {t("messageHint")}
        </p>
        <textarea
          id={`${id}-message`}
          className="input min-h-20"
          maxLength={500}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          aria-describedby={`${id}-hint`}
          {...(errors.message?.length ? { "aria-invalid": true } : {})}
        />
        {error("message")}
      </div>
      <div>
        <button type="submit" className="btn" disabled={busy || !target}>
          {busy ? tc("saving") : t("assign")}
        </button>
        <p role="status" className={`mt-2 ${status && !status.ok ? "font-semibold text-red-800" : ""}`}>
          {status?.text ?? ""}
        </p>
      </div>
    </form>
  );
}
