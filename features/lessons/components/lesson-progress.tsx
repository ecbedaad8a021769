"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "@/ui/messages";
import type { CompletionRequest, CompletionState, LessonCompletion } from "./lesson-completion";

type Answers = Record<string, boolean>;
const LessonAnswersContext = createContext<((itemId: string, correct: boolean) => void) | null>(null);

/** Quiz-like components report their latest answer here; the lesson sends them on completion. */
export function useReportAnswer() {
  return useContext(LessonAnswersContext);
}

type Completion = typeof LessonCompletion;
let completionModule: Promise<Completion> | null = null;

/**
 * The code that records a finished lesson (TanStack Query and the API client, most of the page's
 * own JavaScript) is fetched once the learner answers a question or nears the end of the lesson,
 * not with the page (docs/decisions/009). A failed fetch, e.g. offline, is tried again next time.
 */
function loadCompletion(): Promise<Completion> {
  completionModule ??= import("./lesson-completion").then(
    (m) => m.LessonCompletion,
    (error: unknown) => {
      completionModule = null;
      throw error;
    },
  );
  return completionModule;
}

const IDLE: CompletionState = { isPending: false, isSuccess: false, errorMessage: null };

export function LessonProgress({ lessonId, children, completedBefore }: { lessonId: string; children: ReactNode; completedBefore: boolean }) {
  const t = useT("lesson");
  const tc = useT("common");
  const answers = useRef<Answers>({});
  const openedAt = useRef<number | null>(null);
  const section = useRef<HTMLElement>(null);
  const [answered, setAnswered] = useState(0);
  const [Completion, setCompletion] = useState<Completion | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [request, setRequest] = useState<CompletionRequest | null>(null);
  const [state, setState] = useState<CompletionState>(IDLE);

  const prepare = useCallback(() => {
    loadCompletion().then(
      (component) => setCompletion(() => component),
      () => setLoadFailed(true),
    );
  }, []);

  const report = useCallback(
    (itemId: string, correct: boolean) => {
      openedAt.current ??= Date.now();
      answers.current[itemId] = correct;
      setAnswered(Object.keys(answers.current).length);
      prepare();
    },
    [prepare],
  );

  useEffect(() => {
    const element = section.current;
    if (!element) return;
    if (typeof IntersectionObserver === "undefined") {
      prepare();
      return;
    }
    // Half a screen ahead, so on a slow connection the code is there when the learner arrives.
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        prepare();
      },
      { rootMargin: "0px 0px 50% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [prepare]);

  const finish = () => {
    setLoadFailed(false);
    setRequest({
      doneAt: new Date().toISOString(),
      minutes: openedAt.current ? Math.min(120, Math.round((Date.now() - openedAt.current) / 60000)) : 0,
      answers: Object.entries(answers.current).map(([itemId, correct]) => ({ itemId, correct })),
    });
    prepare();
  };

  const isLoading = request !== null && Completion === null && !loadFailed;
  const isBusy = isLoading || state.isPending;
  const status = state.isSuccess
    ? t("finished", { count: answered })
    : (state.errorMessage ?? (request !== null && loadFailed ? tc("offline") : ""));
  return (
    <LessonAnswersContext.Provider value={report}>
      {children}
      <section ref={section} aria-labelledby="finish" className="card mt-8">
        <h2 id="finish" className="mb-2 text-lg font-bold">{t("finishTitle")}</h2>
        <p className="mb-3">{completedBefore ? t("finishAgainLead") : t("finishLead")}</p>
        <button type="button" className="btn" disabled={isBusy || state.isSuccess} onClick={finish} onFocus={prepare} onPointerEnter={prepare}>
          {isBusy ? tc("saving") : t("finish")}
        </button>
        <p role="status" className="mt-2">
          {status}
        </p>
        {Completion ? <Completion lessonId={lessonId} request={request} onState={setState} /> : null}
      </section>
    </LessonAnswersContext.Provider>
  );
}
