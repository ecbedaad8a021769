"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { callApi, errorText, newKey } from "@/ui/api-client";

/** A methodologist marks a guide verified today, with an optional note of what they checked. */
export function VerifyForm({ walkthroughId, title }: { walkthroughId: string; title: string }) {
  const t = useT("walkthroughQueue");
  const id = useId();
  const [note, setNote] = useState("");
  const { busy, message, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(`/api/v1/walkthroughs/${walkthroughId}/verifications`, note.trim() ? { note } : {}, t("verifiedDone"));
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={submit} className="mt-2">
      <label htmlFor={`${id}-note`} className="mb-1 block text-sm font-semibold">
        {t("noteLabel", { title })}
      </label>
      <input id={`${id}-note`} className="input" maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" className="btn mt-2" disabled={busy}>
        {t("verify")}
      </button>
      <p role="status" className={`mt-1 ${message && !message.ok ? "font-semibold text-red-800" : ""}`}>
        {message?.text ?? ""}
      </p>
    </form>
  );
}

/** Closes a step's open reports in the region once they have been dealt with. */
export function ResolveButton({ walkthroughId, stepId, regionId, label }: { walkthroughId: string; stepId: string; regionId: string; label: string }) {
  const t = useT("walkthroughQueue");
  const { busy, message, run } = useAction();
  return (
    <div>
      <button
        type="button"
        className="btn-secondary"
        disabled={busy}
        onClick={() => void run(`/api/v1/walkthroughs/${walkthroughId}/reports/resolution`, { stepId, regionId }, t("resolvedDone"))}
        aria-label={label}
      >
        {t("resolve")}
      </button>
      <p role="status" className={`mt-1 ${message && !message.ok ? "font-semibold text-red-800" : ""}`}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}

/** Posts one queue action and refreshes the page; the outcome is announced in a status line. */
function useAction() {
  const router = useRouter();
  const tc = useT("common");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await callApi("POST", path, body, newKey(), tc("offline"));
      setMessage({ ok: true, text: done });
      router.refresh();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e, tc("offline")) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run };
}
