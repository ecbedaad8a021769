"use client";

import { useEffect, useRef, useState } from "react";
import { callApi, newKey } from "@/ui/api-client";
import { useT } from "@/ui/messages";

/**
 * Marks the thread read up to the newest post shown: with JavaScript once it is shown, without it
 * by a plain form post. Rendering the thread writes nothing.
 */
export function MarkCommunityRead({ threadId, upTo, next }: { threadId: string; upTo: string; next: string }) {
  const t = useT("community");
  const [done, setDone] = useState(false);
  const sent = useRef(false);
  const action = `/api/v1/community/threads/${encodeURIComponent(threadId)}/read`;
  useEffect(() => {
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
