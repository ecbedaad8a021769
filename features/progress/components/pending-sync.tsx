"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { sendOutbox } from "@/features/offline/outbox";
import { sessionUserId } from "@/features/offline/session-user";

/**
 * On pages that show progress: sends the person's outbox (work done without a connection) when
 * the page opens and when the connection returns, then refreshes the page so it counts.
 */
export function PendingSync() {
  const router = useRouter();
  useEffect(() => {
    const send = () => {
      const userId = sessionUserId();
      if (!userId || !navigator.onLine) return;
      void sendOutbox(userId).then((result) => {
        if (result.sent > 0) router.refresh();
      });
    };
    send();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [router]);
  return null;
}
