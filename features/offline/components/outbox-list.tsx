"use client";

import { useCallback, useEffect, useState } from "react";
import { useT } from "@/ui/messages";
import { discardItem, listOutbox, onOutboxChange, retryItem, sendOutbox } from "../outbox";
import type { OutboxItem } from "../outbox-rules";

/**
 * The person's unsent changes on this device: what each is, when it was made, and for one the
 * server refused, the reason, with "try again" (after fixing what it says) and "discard".
 */
export function OutboxList({ userId }: { userId: string }) {
  const t = useT("deviceOutbox");
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [status, setStatus] = useState("");
  const load = useCallback(() => void listOutbox(userId).then(setItems, () => setItems([])), [userId]);
  useEffect(() => {
    load();
    return onOutboxChange(load);
  }, [load]);

  const sendNow = async () => {
    const result = await sendOutbox(userId);
    setStatus(result.stoppedBy === "offline" ? t("stillOffline") : t("sentNow", { count: result.sent }));
  };
  const when = new Intl.DateTimeFormat("uk-UA", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

  if (items === null) return <p>{t("loading")}</p>;
  return (
    <div className="grid gap-4">
      <p role="status">{status}</p>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <p>
            <button type="button" className="btn" onClick={() => void sendNow()}>
              {t("sendNow")}
            </button>
          </p>
          <ul className="grid gap-3">
            {items.map((item) => (
              <li key={item.key} className={`rounded border-l-4 p-3 ${item.state === "refused" ? "border-red-700 bg-red-50" : "border-amber-600 bg-amber-50"}`}>
                <p className="font-semibold">{item.label || t("unnamed")}</p>
                <p className="text-sm">
                  {when.format(item.createdAt)} · {item.state === "refused" ? t("stateRefused") : t("stateWaiting")}
                </p>
                {item.state === "refused" ? (
                  <>
                    <p className="mt-1">{item.error?.message || (item.error?.status === 0 ? t("tooOld") : t("noReason"))}</p>
                    <p className="mt-2 flex flex-wrap gap-2">
                      <button type="button" className="btn-secondary" onClick={() => void retryItem(userId, item.key).then(() => sendOutbox(userId))}>
                        {t("retry")}
                      </button>
                      <button type="button" className="btn-secondary" onClick={() => void discardItem(userId, item.key)}>
                        {t("discard")}
                      </button>
                    </p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
