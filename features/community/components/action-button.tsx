"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, newKey } from "@/ui/api-client";

type Props = {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  /** The visible label, and an accessible name when the label alone is ambiguous in a list. */
  label: string;
  ariaLabel?: string;
  variant?: "btn" | "btn-secondary" | "btn-danger";
  /** Where to go after success; the page is refreshed in place otherwise. */
  then?: string;
};

/** One write behind one button (accept, decline, ask to join, remove, move…), with its error read out. */
export function ActionButton({ method, path, body, label, ariaLabel, variant = "btn-secondary", then }: Props) {
  const tc = useT("common");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newKey);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await callApi(method, path, body, key, tc("offline"));
      if (then) router.push(then);
      else router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tc("offline"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={variant} disabled={busy} aria-label={ariaLabel} onClick={() => void run()}>
        {label}
      </button>
      {error ? (
        <span role="alert" className="font-semibold text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
