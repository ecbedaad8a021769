"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { callApi, errorText } from "@/ui/api-client";

/** A moderator locks the thread (or opens it again) with a reason, which goes to the audit log. */
export function LockControl({ threadId, isLocked }: { threadId: string; isLocked: boolean }) {
  const t = useT("community");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callApi("PUT", `/api/v1/community/threads/${threadId}/lock`, { locked: !isLocked, reason }, "", tc("offline"));
      setReason("");
      router.refresh();
    } catch (e) {
      setError(errorText(e, tc("offline")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="card mt-8 grid gap-2" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-lg font-bold">
        {t("moderation")}
      </h2>
      <label htmlFor={`${id}-reason`} className="font-semibold">
        {t("lockReason")}
      </label>
      <input
        id={`${id}-reason`}
        className="input"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="btn-secondary" disabled={busy || reason.trim().length < 3}>
          {isLocked ? t("unlock") : t("lock")}
        </button>
      </div>
    </form>
  );
}
