"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, newKey } from "@/ui/api-client";

/** A learner asks a curator of their region, with an optional note about what they want to learn. */
export function RequestCuratorForm({ curators }: { curators: { id: string; label: string; full: boolean }[] }) {
  const t = useT("myCurator");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const open = curators.filter((c) => !c.full);
  const [curatorId, setCuratorId] = useState(open[0]?.id ?? "");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callApi("POST", "/api/v1/curator-requests", { curatorId, ...(message.trim() ? { message } : {}) }, newKey(), tc("offline"));
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.fields?.message?.[0] ?? e.message) : tc("offline"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="grid gap-3">
      <div>
        <label htmlFor={`${id}-curator`} className="mb-1 block font-semibold">
          {t("chooseCurator")}
        </label>
        <select id={`${id}-curator`} className="input" value={curatorId} onChange={(e) => setCuratorId(e.currentTarget.value)}>
          {curators.map((c) => (
            <option key={c.id} value={c.id} disabled={c.full}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-message`} className="mb-1 block font-semibold">
          {t("requestMessage")}
        </label>
        <textarea id={`${id}-message`} className="input min-h-20" maxLength={500} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
      </div>
      {error ? (
        <p role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="btn" disabled={busy || !curatorId}>
          {t("ask")}
        </button>
      </div>
    </form>
  );
}
