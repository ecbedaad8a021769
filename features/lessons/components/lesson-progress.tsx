"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";

type Answers = Record<string, boolean>;
const LessonAnswersContext = createContext<((itemId: string, correct: boolean) => void) | null>(null);

/** Quiz-like components report their latest answer here; the lesson sends them on completion. */
export function useReportAnswer() {
  return useContext(LessonAnswersContext);
}

export function LessonProgress({ lessonId, children, completedBefore }: { lessonId: string; children: ReactNode; completedBefore: boolean }) {
  const t = useT("lesson");
  const tc = useT("common");
  const answers = useRef<Answers>({});
  const openedAt = useRef<number | null>(null);
  const [answered, setAnswered] = useState(0);
  const report = useCallback((itemId: string, correct: boolean) => {
    openedAt.current ??= Date.now();
    answers.current[itemId] = correct;
    setAnswered(Object.keys(answers.current).length);
  }, []);
  const mutation = useApiMutation<{ doneAt: string; minutes: number; answers: { itemId: string; correct: boolean }[] }, { completedOn: string }>(
    "POST",
    `/api/v1/lessons/${lessonId}/completion`,
    tc("offline"),
  );
  const value = useMemo(() => report, [report]);
  return (
    <LessonAnswersContext.Provider value={value}>
      {children}
      <section aria-labelledby="finish" className="card mt-8">
        <h2 id="finish" className="mb-2 text-lg font-bold">{t("finishTitle")}</h2>
        <p className="mb-3">{completedBefore ? t("finishAgainLead") : t("finishLead")}</p>
        <button
          type="button"
          className="btn"
          disabled={mutation.isPending || mutation.isSuccess}
          onClick={() =>
            mutation.mutate({
              doneAt: new Date().toISOString(),
              minutes: openedAt.current ? Math.min(120, Math.round((Date.now() - openedAt.current) / 60000)) : 0,
              answers: Object.entries(answers.current).map(([itemId, correct]) => ({ itemId, correct })),
            })
          }
        >
          {mutation.isPending ? tc("saving") : t("finish")}
        </button>
        <p role="status" className="mt-2">
          {mutation.isSuccess ? t("finished", { count: answered }) : mutation.error ? mutation.error.message : ""}
        </p>
      </section>
    </LessonAnswersContext.Provider>
  );
}
