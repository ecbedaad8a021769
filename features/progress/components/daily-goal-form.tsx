"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { sendOrQueue } from "@/features/offline/send-or-queue";

/** The learner chooses their daily goal; a plain radio group, saved through the write API. */
export function DailyGoalForm({ current, choices }: { current: number; choices: readonly number[] }) {
  const t = useT("progress");
  const tc = useT("common");
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setStatus(null);
    try {
      const sent = await sendOrQueue(
        { method: "PUT", path: "/api/v1/me/daily-goal", body: { minutes: value }, label: t("goalOutbox", { minutes: value }) },
        tc("offline"),
        {
          supersedes: true,
        },
      );
      setStatus({ ok: true, text: sent.state === "sent" ? t("goalSaved", { minutes: value }) : tc("queuedOffline") });
      if (sent.state === "sent") router.refresh();
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : tc("offline") });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend className="mb-2 font-semibold">{t("goalLegend")}</legend>
        <div className="flex flex-wrap gap-x-5">
          {choices.map((m) => (
            <label key={m} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="minutes" value={m} className="h-5 w-5" checked={value === m} onChange={() => setValue(m)} />
              {t("goalChoice", { minutes: m })}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn mt-2" disabled={saving}>
        {saving ? tc("saving") : t("goalSave")}
      </button>
      <p role="status" className={`mt-2 ${status && !status.ok ? "font-semibold text-red-800" : ""}`}>
        {status?.text ?? ""}
      </p>
    </form>
  );
}
