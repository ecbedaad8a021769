"use client";

import { useT } from "@/ui/messages";
import type { DraftStatus } from "./use-post-draft";

const time = (at: number) => new Date(at).toLocaleTimeString(document.documentElement.lang || undefined, { hour: "2-digit", minute: "2-digit" });

/** Where the text being written is kept: a polite status, always in the page so changes are announced. */
export function DraftStatusLine({ status }: { status: DraftStatus }) {
  const t = useT("communityDrafts");
  const text =
    status.state === "saving"
      ? t("saving")
      : status.state === "server"
        ? t("savedServer", { time: time(status.at) })
        : status.state === "local"
          ? t("savedLocal", { time: time(status.at) })
          : status.state === "restored"
            ? t("restored", { time: time(status.at) })
            : "";
  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
      {text}
    </p>
  );
}
