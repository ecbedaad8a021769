"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError } from "@/ui/api-client";
import { sendOrQueue } from "@/features/offline/send-or-queue";

/** Writes in the curator–mentee thread; a reminder that client personal data does not belong here. */
export function FeedbackForm({ curatorId, menteeId }: { curatorId: string; menteeId: string }) {
  const t = useT("feedback");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setQueued(false);
    try {
      const sent = await sendOrQueue({ method: "POST", path: "/api/v1/feedback", body: { curatorId, menteeId, body }, label: t("outboxLabel") }, tc("offline"));
      setBody("");
      if (sent.state === "sent") router.refresh();
      else setQueued(true);
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.fields?.body?.[0] ?? e.message) : tc("offline"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="mt-3">
      <label htmlFor={`${id}-body`} className="mb-1 block font-semibold">
        {t("label")}
      </label>
      <textarea
        id={`${id}-body`}
        className="input min-h-24"
        maxLength={2000}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <p role="status" className="mt-1 text-sm">
        {queued ? tc("queuedOffline") : ""}
      </p>
      <button type="submit" className="btn mt-2" disabled={busy || !body.trim()}>
        {busy ? tc("sending") : t("send")}
      </button>
    </form>
  );
}
