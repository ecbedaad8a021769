"use client";

import { useCallback, useSyncExternalStore } from "react";

const EVENTS = ["input", "keyup", "click", "select", "focus"] as const;

/**
 * A string read from the textarea `textareaId` (its text and caret), kept in step with what the
 * author types and where the caret goes; `fallback` on the server and before the textarea exists.
 * The snapshot is a string so React compares it by value and renders only when it changes.
 */
export function useTextareaSnapshot(textareaId: string, read: (value: string, caret: number) => string, fallback: string): string {
  const subscribe = useCallback(
    (notify: () => void) => {
      const area = document.getElementById(textareaId);
      for (const name of EVENTS) area?.addEventListener(name, notify);
      return () => {
        for (const name of EVENTS) area?.removeEventListener(name, notify);
      };
    },
    [textareaId],
  );
  return useSyncExternalStore(
    subscribe,
    () => {
      const area = document.getElementById(textareaId);
      return area instanceof HTMLTextAreaElement ? read(area.value, area.selectionStart) : fallback;
    },
    () => fallback,
  );
}
