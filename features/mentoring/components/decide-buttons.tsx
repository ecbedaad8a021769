"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { callApi, newKey } from "@/ui/api-client";

/** The curator's answer to a request. */
export function DecideButtons({ requestId, name }: { requestId: string; name: string }) {
  const t = useT("caseload");
  const tc = useT("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const decide = async (accept: boolean) => {
    setError(null);
    try {
      await callApi("POST", `/api/v1/curator-requests/${requestId}/decision`, { accept }, newKey(), tc("offline"));
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : tc("offline"));
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className="btn" onClick={() => void decide(true)} aria-label={t("acceptLabel", { name })}>
        {t("accept")}
      </button>
      <button type="button" className="btn-secondary" onClick={() => void decide(false)} aria-label={t("declineLabel", { name })}>
        {t("decline")}
      </button>
      {error ? (
        <p role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
