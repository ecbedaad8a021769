"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { callApi } from "@/ui/api-client";

/** Follow, unfollow or mute the thread (a PUT of the wanted state, naturally idempotent). */
export function FollowControl({ threadId, state }: { threadId: string; state: "following" | "muted" | "none" }) {
  const t = useT("community");
  const tc = useT("common");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const set = async (next: "following" | "muted" | "none") => {
    setBusy(true);
    try {
      await callApi("PUT", `/api/v1/community/threads/${threadId}/follow`, { state: next }, "", tc("offline"));
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-wrap gap-2">
      {state === "following" ? (
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void set("none").catch(() => undefined)}>
          {t("unfollow")}
        </button>
      ) : (
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void set("following").catch(() => undefined)}>
          {t("follow")}
        </button>
      )}
      {state !== "muted" ? (
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void set("muted").catch(() => undefined)}>
          {t("mute")}
        </button>
      ) : null}
    </div>
  );
}
