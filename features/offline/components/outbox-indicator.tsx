"use client";

import { useEffect, useState } from "react";
import { useT } from "@/ui/messages";
import { listOutbox, onOutboxChange, sendOutbox } from "../outbox";
import { setCurrentDeviceUser } from "../device-store";

type Props = {
  /** The person signed in: only their items are counted and sent. */
  userId: string;
  /** The header's sign-out form: signing out with unsent changes asks first. */
  /** The header's sign-out forms (one in the wide header, one in the phone's menu): a CSS selector. */
  signOutForms: string;
};

const RETRY_EVERY_MS = 30_000;

/**
 * In the header: "offline" while the browser has no connection, how many changes wait to be sent
 * and how many the server refused (a link to the list). It sends the person's outbox when the page
 * opens, when the connection returns, when the tab is shown again and every half minute while
 * something waits; and it asks before signing out with unsent changes.
 */
export function OutboxIndicator({ userId, signOutForms }: Props) {
  const t = useT("deviceOutbox");
  const [isOnline, setOnline] = useState(true);
  const [counts, setCounts] = useState({ waiting: 0, refused: 0 });

  useEffect(() => {
    let isLive = true;
    const count = async () => {
      const items = await listOutbox(userId).catch(() => []);
      if (isLive) setCounts({ waiting: items.filter((i) => i.state === "waiting").length, refused: items.filter((i) => i.state === "refused").length });
    };
    const send = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) void sendOutbox(userId).then(count, count);
    };
    const onVisible = () => document.visibilityState === "visible" && send();
    const stop = onOutboxChange(() => void count());
    const offline = () => setOnline(false);
    send();
    void count();
    window.addEventListener("online", send);
    window.addEventListener("offline", offline);
    window.addEventListener("focus", send);
    document.addEventListener("visibilitychange", onVisible);
    const timer = window.setInterval(send, RETRY_EVERY_MS);
    return () => {
      isLive = false;
      stop();
      window.removeEventListener("online", send);
      window.removeEventListener("offline", offline);
      window.removeEventListener("focus", send);
      document.removeEventListener("visibilitychange", onVisible);
      window.clearInterval(timer);
    };
  }, [userId]);

  useEffect(() => {
    const forms = [...document.querySelectorAll<HTMLFormElement>(signOutForms)];
    const guard = (event: SubmitEvent) => {
      const unsent = counts.waiting + counts.refused;
      if (unsent > 0 && !window.confirm(t("signOutWarning", { count: unsent }))) return event.preventDefault();
      // From now on, offline, this device opens nobody's kept pages until someone signs in (decision 036).
      void setCurrentDeviceUser(null).catch(() => undefined);
    };
    for (const form of forms) form.addEventListener("submit", guard);
    return () => {
      for (const form of forms) form.removeEventListener("submit", guard);
    };
  }, [signOutForms, counts, t]);

  const parts = [
    !isOnline ? t("offline") : "",
    counts.waiting ? t("waiting", { count: counts.waiting }) : "",
    counts.refused ? t("refused", { count: counts.refused }) : "",
  ].filter(Boolean);
  return (
    // A polite live region without the status role: pages keep one status of their own.
    <span id="outbox-indicator" aria-live="polite" className="text-sm">
      {parts.length ? (
        <a href="/outbox" className={counts.refused ? "font-bold text-red-800" : "font-semibold text-amber-900"}>
          {parts.join(" · ")}
        </a>
      ) : null}
      {!isOnline ? (
        <>
          {" · "}
          <a href="/saved">{t("availableOffline")}</a>
        </>
      ) : null}
    </span>
  );
}
