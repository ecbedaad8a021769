"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { callApi, errorText, newKey } from "@/ui/api-client";

type Props =
  | { mode: "add"; threadId: string; defaultTitle: string }
  | { mode: "edit"; entryId: string; title: string; summary: string; answerPostId: string | null; needsReview: boolean; onDone: () => void };

/**
 * Adds a thread's accepted answer to the region knowledge base, or edits an entry (and, when it
 * needs review, confirms the summary against the current accepted answer).
 */
export function KnowledgeEntryForm(props: Props) {
  const t = useT("communityKnowledge");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const [title, setTitle] = useState(props.mode === "add" ? props.defaultTitle : props.title);
  const [summary, setSummary] = useState(props.mode === "add" ? "" : props.summary);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newKey);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (props.mode === "add") {
        await callApi("POST", `/api/v1/community/threads/${props.threadId}/knowledge`, { title, summary }, key, tc("offline"));
      } else {
        const answerPostId = props.needsReview && props.answerPostId ? props.answerPostId : undefined;
        await callApi("PATCH", `/api/v1/community/knowledge/${props.entryId}`, { title, summary, answerPostId }, "", tc("offline"));
        props.onDone();
      }
      router.refresh();
    } catch (e) {
      setError(errorText(e, tc("offline")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="grid gap-2" aria-label={props.mode === "add" ? t("add") : t("edit")}>
      <label htmlFor={`${id}-title`} className="font-semibold">
        {t("entryTitle")}
      </label>
      <input id={`${id}-title`} className="input" maxLength={160} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <label htmlFor={`${id}-summary`} className="font-semibold">
        {t("entrySummary")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("summaryHint")}
      </p>
      <textarea
        id={`${id}-summary`}
        className="input min-h-24"
        maxLength={1000}
        required
        value={summary}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => setSummary(e.currentTarget.value)}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn" disabled={busy || title.trim().length < 3 || summary.trim().length === 0}>
          {props.mode === "add" ? t("add") : props.needsReview && props.answerPostId ? t("saveConfirm") : t("save")}
        </button>
        {props.mode === "edit" ? (
          <button type="button" className="btn-secondary" onClick={props.onDone}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
