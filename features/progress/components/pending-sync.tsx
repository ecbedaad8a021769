"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { flush, pendingCount } from "../pending-queue";

/**
 * Sends learning done without a connection (kept on this device) as soon as a page that shows
 * progress opens or the connection returns, then refreshes the page so it counts.
 */
export function PendingSync() {
  const router = useRouter();
  useEffect(() => {
    const send = () => {
      if (pendingCount() === 0) return;
      void flush().then((accepted) => {
        if (accepted > 0) router.refresh();
      });
    };
    send();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [router]);
  return null;
}
