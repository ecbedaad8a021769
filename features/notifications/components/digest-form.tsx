"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useState, type FormEvent } from "react";
import { useT } from "@/ui/messages";
import { callApi, newKey } from "@/ui/api-client";

const CHOICES = ["off", "daily", "weekly"] as const;

/** Off, daily or weekly e-mail digest of unread notifications. */
export function DigestForm({ current }: { current: (typeof CHOICES)[number] }) {
  const t = useT("notifications");
  const tc = useT("common");
  const [value, setValue] = useState(current);
  const [status, setStatus] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    try {
      await callApi("PUT", "/api/v1/me/digest", { digest: value }, newKey(), tc("offline"));
      setStatus(t("digestSaved"));
    } catch (e) {
      setStatus(e instanceof Error ? e.message : tc("offline"));
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend className="mb-1 font-semibold">{t("digestTitle")}</legend>
        <p className="mb-2 text-sm">{t("digestLead")}</p>
        <div className="flex flex-wrap gap-x-5">
          {CHOICES.map((c) => (
            <label key={c} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="digest" className="h-5 w-5" checked={value === c} onChange={() => setValue(c)} />
              {t(`digest.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn-secondary mt-2">
        {t("digestSave")}
      </button>
      <p role="status" className="mt-1">
        {status}
      </p>
    </form>
  );
}
