"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useEffect, useRef, useState } from "react";
import { callApi, newKey } from "./api-client";

/**
 * Tells the server a thread was seen up to `upTo`: with JavaScript as soon as it is shown, without
 * it by the button (a plain form post to `action` that comes back to `next`). Showing a thread
 * itself writes nothing; the feedback thread and community threads both mark reading this way.
 */
export function MarkReadOnView({ action, upTo, next, label }: { action: string; upTo: string; next: string; label: string }) {
  const [done, setDone] = useState(false);
  const sent = useRef(false);
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
    <form ref={keepEarlyInput} method="post" action={action} className="mt-2">
      <input type="hidden" name="upTo" value={upTo} />
      <input type="hidden" name="next" value={next} />
      <button type="submit" className="btn-secondary">
        {label}
      </button>
    </form>
  );
}
