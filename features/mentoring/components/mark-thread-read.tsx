"use client";

import { useEffect, useRef, useState } from "react";
import { callApi, newKey } from "@/ui/api-client";
import { useT } from "@/ui/messages";

/**
 * Tells the server the thread was seen: with JavaScript as soon as it is shown, without it by the
 * button (a plain form post that comes back to the thread). Showing the thread itself writes nothing.
 */
export function MarkThreadRead({ curatorId, menteeId, upTo, next }: { curatorId: string; menteeId: string; upTo: string; next: string }) {
  const t = useT("feedback");
  const [done, setDone] = useState(false);
  const sent = useRef(false);
  const action = `/api/v1/feedback/${encodeURIComponent(curatorId)}/${encodeURIComponent(menteeId)}/read`;
  useEffect(() => {
    // Once per showing, also under Strict Mode's double effects; a failure leaves the button to try again.
    if (sent.current) return;
    sent.current = true;
    callApi("POST", action, { upTo }, newKey(), "").then(
      () => setDone(true),
      () => undefined,
    );
  }, [action, upTo]);
  if (done) return null;
  return (
    <form method="post" action={action} className="mt-2">
      <input type="hidden" name="upTo" value={upTo} />
      <input type="hidden" name="next" value={next} />
      <button type="submit" className="btn-secondary">
        {t("markRead")}
      </button>
    </form>
  );
}
