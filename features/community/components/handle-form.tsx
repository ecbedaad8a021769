"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useT } from "@/ui/messages";
import { callApi, errorText } from "@/ui/api-client";

/** The profile's handle: how colleagues mention you in posts (decision 025). */
export function HandleForm({ initial }: { initial: string }) {
  const t = useT("communityDrafts");
  const tc = useT("common");
  const id = useId();
  const [handle, setHandle] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const result = await callApi<{ handle: string }>("PUT", "/api/v1/community/handle", { handle }, "", tc("offline"));
      setHandle(result.handle);
      setSaved(t("handleSaved", { handle: result.handle }));
    } catch (e) {
      setError(errorText(e, tc("offline")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="grid gap-2" noValidate>
      <label htmlFor={`${id}-handle`} className="font-semibold">
        {t("handleLabel")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("handleHint")}
      </p>
      <div className="flex items-center gap-1">
        <span aria-hidden="true">@</span>
        <input
          id={`${id}-handle`}
          className="input"
          value={handle}
          onChange={(e) => setHandle(e.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={31}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="notice-error">
          {error}
        </p>
      ) : null}
      <p role="status" className="text-sm">
        {saved}
      </p>
      <div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? tc("sending") : t("handleSave")}
        </button>
      </div>
    </form>
  );
}
