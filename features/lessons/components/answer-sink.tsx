"use client";

import { createContext, useContext } from "react";

/**
 * Quiz-like components report each answer here: the lesson player keeps them for the completion,
 * the review session records them at once. Outside either, answers stay on the screen.
 */
export const AnswerSinkContext = createContext<((itemId: string, correct: boolean) => void) | null>(null);

export function useReportAnswer() {
  return useContext(AnswerSinkContext);
}
