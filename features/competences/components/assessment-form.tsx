"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/ui/messages";
import { ApiError } from "@/ui/api-client";
import { sendOrQueue } from "@/features/offline/send-or-queue";
import { FormError } from "@/ui/form";

export type Statement = { anchor: 2 | 4 | 6 | 8; text: string };
export type FormItem = { itemType: "AREA" | "COMPETENCE"; itemId: string; title: string; descriptor: string; statements: Statement[] };
export type FormStep =
  | { id: string; title: string; kind: "items"; items: FormItem[] }
  | { id: string; title: string; kind: "purposes" }
  | { id: string; title: string; kind: "tools" };
type Option = { id: string; label: string };
type Answers = {
  ratings: Record<string, { level: number; note?: string }>;
  purposes: Record<string, string>;
  tools: string[];
};
type Props = {
  form: "SHORT" | "FULL";
  steps: FormStep[];
  purposes: Option[];
  frequencies: Option[];
  tools: Option[];
  directions: Option[];
  initial: Answers;
};

const keyOf = (i: { itemType: string; itemId: string }) => `${i.itemType}:${i.itemId}`;

/** The self-assessment, one step per screen, saved as the learner goes. */
export function AssessmentForm({ form, steps, purposes, frequencies, tools, directions, initial }: Props) {
  const t = useT("assessment");
  const tc = useT("common");
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(initial);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const body = useMemo(
    () => ({
      form,
      ratings: Object.entries(answers.ratings).map(([key, v]) => {
        const [itemType, itemId] = key.split(":") as ["AREA" | "COMPETENCE", string];
        return { itemType, itemId, level: v.level, note: v.note?.trim() || undefined };
      }),
      purposes: answers.purposes,
      tools: answers.tools.map((k) => {
        const [tool, direction] = k.split("|") as [string, string];
        return { tool, direction };
      }),
    }),
    [answers, form],
  );
  // The draft and the submission go through the person's outbox: without a connection they wait
  // on the device, the draft's last state replacing an older one, and are sent in order (decision 034).
  const [saveState, setSaveState] = useState<{ state: "idle" | "saving" | "queued" | "failed"; message?: string }>({ state: "idle" });
  const [submitState, setSubmitState] = useState<{ state: "idle" | "sending" | "queued" | "failed"; message?: string }>({ state: "idle" });
  /** The server's refusal of the submission (unanswered questions are named in its fields). */
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const saveNow = useCallback(async () => {
    dirty.current = false;
    setSaveState({ state: "saving" });
    try {
      const sent = await sendOrQueue<{ updatedAt: string }>(
        { method: "PUT", path: "/api/v1/assessments/draft", body, label: t("outboxDraft") },
        tc("offline"),
        {
          supersedes: true,
        },
      );
      if (sent.state === "sent") {
        setSavedAt(new Date(sent.data.updatedAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" }));
        setSaveState({ state: "idle" });
      } else setSaveState({ state: "queued" });
    } catch (error) {
      setSaveState({ state: "failed", message: error instanceof ApiError ? error.message : tc("offline") });
    }
  }, [body, t, tc]);
  const submitNow = async () => {
    await saveNow();
    setSubmitState({ state: "sending" });
    setSubmitError(null);
    try {
      const sent = await sendOrQueue({ method: "POST", path: "/api/v1/assessments/draft/submit", body: {}, label: t("outboxSubmit") }, tc("offline"));
      if (sent.state === "sent") window.location.assign("/competences?submitted=1");
      else setSubmitState({ state: "queued", message: t("submitQueued") });
    } catch (error) {
      if (error instanceof ApiError) {
        setSubmitError(error);
        setSubmitState({ state: "failed" });
      } else setSubmitState({ state: "failed", message: tc("offline") });
    }
  };

  // Save a few seconds after the last change, and before leaving a step.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void saveNow(), 2500);
    return () => clearTimeout(timer);
  }, [body, saveNow]);

  const update = (fn: (a: Answers) => Answers) => {
    dirty.current = true;
    setAnswers(fn);
  };
  const go = async (next: number) => {
    await saveNow();
    setStep(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const current = steps[step]!;
  const isLast = step === steps.length - 1;
  const missing = submitError?.body.fields;

  return (
    <div ref={keepEarlyInput}>
      <p className="mb-1 font-semibold">{t("stepOf", { step: step + 1, total: steps.length })}</p>
      <progress className="mb-4 h-3 w-full accent-brand-700" max={steps.length} value={step + 1} aria-label={t("progress")} />
      <h2 ref={headingRef} tabIndex={-1} className="mb-4 text-xl font-bold">
        {current.title}
      </h2>

      {current.kind === "items" ? (
        <>
          <p className="mb-4 max-w-prose">{t("howToAnswer")}</p>
          {current.items.map((item) => (
            <RatingQuestion
              key={keyOf(item)}
              item={item}
              value={answers.ratings[keyOf(item)]}
              missing={Boolean(missing?.ratings?.includes(item.itemId))}
              onChange={(v) => update((a) => ({ ...a, ratings: { ...a.ratings, [keyOf(item)]: v } }))}
            />
          ))}
        </>
      ) : null}

      {current.kind === "purposes" ? (
        <>
          <p className="mb-4 max-w-prose">{t("purposesLead")}</p>
          {purposes.map((p) => (
            <fieldset key={p.id} className="card mb-4" aria-invalid={missing?.purposes?.includes(p.id) || undefined}>
              <legend className="px-1 font-semibold">{p.label}</legend>
              {missing?.purposes?.includes(p.id) ? <p className="font-semibold text-red-800">{t("answerThis")}</p> : null}
              <div className="flex flex-wrap gap-x-6">
                {frequencies.map((f) => (
                  <label key={f.id} className="inline-flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      className="h-5 w-5"
                      name={`purpose-${p.id}`}
                      value={f.id}
                      checked={answers.purposes[p.id] === f.id}
                      onChange={() => update((a) => ({ ...a, purposes: { ...a.purposes, [p.id]: f.id } }))}
                    />
                    {f.label}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </>
      ) : null}

      {current.kind === "tools" ? (
        <>
          <p className="mb-4 max-w-prose">{t("toolsLead")}</p>
          {tools.map((tool) => (
            <fieldset key={tool.id} className="card mb-3">
              <legend className="px-1 font-semibold">{tool.label}</legend>
              <div className="flex flex-wrap gap-x-6">
                {directions.map((d) => {
                  const k = `${tool.id}|${d.id}`;
                  return (
                    <label key={d.id} className="inline-flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        className="h-5 w-5"
                        checked={answers.tools.includes(k)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          update((a) => ({ ...a, tools: on ? [...a.tools, k] : a.tools.filter((x) => x !== k) }));
                        }}
                      />
                      {d.label}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </>
      ) : null}

      <FormError error={submitError} title={t("incomplete")} />
      {missing ? (
        <ul className="mb-4 ml-5 list-disc">
          {steps.map((s, i) =>
            (s.kind === "items" && s.items.some((it) => missing.ratings?.includes(it.itemId))) || (s.kind === "purposes" && missing.purposes) ? (
              <li key={s.id}>
                <button type="button" className="underline" onClick={() => void go(i)}>
                  {s.title}
                </button>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}

      <div className="mt-6 flex flex-wrap items-center gap-3">
        {step > 0 ? (
          <button type="button" className="btn-secondary" onClick={() => void go(step - 1)}>
            {t("back")}
          </button>
        ) : null}
        {!isLast ? (
          <button type="button" className="btn" onClick={() => void go(step + 1)}>
            {t("next")}
          </button>
        ) : (
          <button type="button" className="btn" disabled={submitState.state === "sending" || submitState.state === "queued"} onClick={() => void submitNow()}>
            {submitState.state === "sending" ? tc("sending") : t("submit")}
          </button>
        )}
        <p role="status" className="text-sm text-muted">
          {submitState.message ??
            (saveState.state === "saving"
              ? tc("saving")
              : saveState.state === "queued"
                ? tc("queuedOffline")
                : saveState.state === "failed"
                  ? saveState.message
                  : savedAt
                    ? t("savedAt", { time: savedAt })
                    : "")}
        </p>
      </div>
    </div>
  );
}

function RatingQuestion({
  item,
  value,
  missing,
  onChange,
}: {
  item: FormItem;
  value: { level: number; note?: string } | undefined;
  missing: boolean;
  onChange: (v: { level: number; note?: string }) => void;
}) {
  const t = useT("assessment");
  const anchor = value ? (value.level === 0 ? 0 : Math.ceil(value.level / 2) * 2) : undefined;
  const partly = value ? value.level > 0 && value.level % 2 === 1 : false;
  const name = `rate-${item.itemId}`;
  const setAnchor = (a: number) => onChange({ level: a === 0 ? 0 : partly ? a - 1 : a, note: value?.note });
  return (
    <fieldset className={`card mb-4 ${missing ? "border-red-700" : ""}`}>
      <legend className="px-1 text-lg font-semibold">{item.title}</legend>
      <p className="mb-3 text-muted">{item.descriptor}</p>
      {missing ? <p className="mb-2 font-semibold text-red-800">{t("answerThis")}</p> : null}
      <p className="mb-2 font-semibold" id={`${name}-q`}>
        {t("whichIsTrue")}
      </p>
      <div role="radiogroup" aria-labelledby={`${name}-q`}>
        {[...item.statements].map((s) => (
          <label key={s.anchor} className="mb-2 flex min-h-11 items-start gap-3">
            <input type="radio" className="mt-1 h-5 w-5 shrink-0" name={name} checked={anchor === s.anchor} onChange={() => setAnchor(s.anchor)} />
            <span>{s.text}</span>
          </label>
        ))}
        <label className="mb-2 flex min-h-11 items-start gap-3">
          <input type="radio" className="mt-1 h-5 w-5 shrink-0" name={name} checked={anchor === 0} onChange={() => setAnchor(0)} />
          <span>{t("notYet")}</span>
        </label>
      </div>
      {anchor ? (
        <fieldset className="mt-2 border-t border-neutral-300 pt-2">
          <legend className="font-semibold">{t("howSure")}</legend>
          <label className="mr-6 inline-flex min-h-11 items-center gap-2">
            <input type="radio" className="h-5 w-5" name={`${name}-partly`} checked={!partly} onChange={() => onChange({ level: anchor, note: value?.note })} />
            {t("fully")}
          </label>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              className="h-5 w-5"
              name={`${name}-partly`}
              checked={partly}
              onChange={() => onChange({ level: anchor - 1, note: value?.note })}
            />
            {t("partly")}
          </label>
        </fieldset>
      ) : null}
      <details className="mt-2">
        <summary className="cursor-pointer font-semibold text-brand-700">{t("addNote")}</summary>
        <label className="mt-2 block">
          <span className="mb-1 block">{t("note")}</span>
          <textarea
            className="input"
            rows={2}
            maxLength={500}
            value={value?.note ?? ""}
            onChange={(e) => onChange({ level: value?.level ?? 0, note: e.currentTarget.value })}
            disabled={value === undefined}
          />
        </label>
      </details>
    </fieldset>
  );
}
