"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";

export type CompletionRequest = { doneAt: string; minutes: number; answers: { itemId: string; correct: boolean }[] };
export type CompletionState = { isPending: boolean; isSuccess: boolean; errorMessage: string | null };

/**
 * The lesson's one write, loaded apart from the page (lesson-progress.tsx) because it brings
 * TanStack Query and the API client. It renders nothing: it sends each new request it is given
 * through useApiMutation (Idempotency-Key, retries, a pause while offline) and reports the state
 * back, so the button and its status line stay the same elements for keyboard and screen readers.
 */
export function LessonCompletion({
  lessonId,
  request,
  onState,
}: {
  lessonId: string;
  request: CompletionRequest | null;
  onState: (state: CompletionState) => void;
}) {
  const tc = useT("common");
  const { mutate, isPending, isSuccess, error } = useApiMutation<CompletionRequest, { completedOn: string }>(
    "POST",
    `/api/v1/lessons/${lessonId}/completion`,
    tc("offline"),
  );
  const sent = useRef<CompletionRequest | null>(null);
  useEffect(() => {
    if (request && sent.current !== request) {
      sent.current = request;
      mutate(request);
    }
  }, [request, mutate]);
  const errorMessage = error ? error.message : null;
  useEffect(() => onState({ isPending, isSuccess, errorMessage }), [isPending, isSuccess, errorMessage, onState]);
  return null;
}
