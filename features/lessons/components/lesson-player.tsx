"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useT } from "@/ui/messages";
import { ApiError } from "@/ui/api-client";
import { sendOrQueue } from "@/features/offline/send-or-queue";
import { listOutbox, onOutboxChange } from "@/features/offline/outbox";
import { AnswerSinkContext } from "./answer-sink";

/** The screen shown, and the screens opened so far on this page (their content stays, with its answers). */
const StepContext = createContext<{ current: number; opened: ReadonlySet<number> }>({ current: 0, opened: new Set([0]) });

/**
 * One screen of a lesson; the player shows the current one and keeps the others' answers. A screen
 * not opened yet is an empty hidden section: the page's HTML carries the screen it opens on, not
 * every screen twice (the RSC payload already holds them all for the player). Without JavaScript
 * each screen is its own page (`?step=`), so nothing is lost there.
 */
export function LessonStep({ index, children }: { index: string | number; children: ReactNode }) {
  const { current, opened } = useContext(StepContext);
  const n = Number(index);
  return (
    <section hidden={n !== current} data-step={n}>
      {opened.has(n) ? children : null}
    </section>
  );
}

type Props = {
  /** Lessons and walkthroughs share the player; each has its own write API and finish texts. */
  kind?: "lesson" | "walkthrough";
  lessonId: string;
  /** Titles of the lesson's screens; the finish screen comes after them. */
  steps: string[];
  /** What the progress line says on each screen, when "Step n of total: title" does not fit (a guide counts only its own steps). */
  stepLabels?: string[];
  initialStep: number;
  completedBefore: boolean;
  /** The finish screen's extra content (the next lesson), rendered on the server. */
  after: ReactNode;
  children: ReactNode;
};

/**
 * The lesson player: one screen at a time with a progress bar, Back/Next as real links (so the
 * lesson also works page by page without JavaScript), the place saved to resume later, answers
 * kept for the completion, and a completion that waits for the connection when there is none.
 */
export function LessonPlayer({ kind = "lesson", lessonId, steps, stepLabels, initialStep, completedBefore, after, children }: Props) {
  const t = useT("lesson");
  const tf = useT(kind);
  const base = `/api/v1/${kind}s/${lessonId}`;
  const tc = useT("common");
  const total = steps.length + 1;
  const [step, setStep] = useState(Math.min(Math.max(0, initialStep), total - 1));
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set([step]));
  const answers = useRef<Record<string, boolean>>({});
  const openedAt = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const [finish, setFinish] = useState<{ state: "idle" | "saving" | "done" | "queued" | "failed"; message?: string }>({ state: "idle" });
  /** A completion waiting in the outbox: the finish screen follows it until it is sent or refused. */
  const [waiting, setWaiting] = useState<{ key: string; userId: string; answers: number } | null>(null);

  useEffect(() => {
    if (!waiting) return;
    const check = async () => {
      const item = (await listOutbox(waiting.userId)).find((i) => i.key === waiting.key);
      if (!item) setFinish({ state: "done", message: tf("finished", { count: waiting.answers }) });
      else if (item.state === "refused") setFinish({ state: "failed", message: item.error?.message || tc("offline") });
      else return;
      setWaiting(null);
    };
    return onOutboxChange(() => void check());
  }, [waiting, tf, tc]);

  useEffect(() => {
    openedAt.current = Date.now();
  }, []);

  const report = useCallback((itemId: string, correct: boolean) => {
    answers.current[itemId] = correct;
  }, []);

  const go = useCallback(
    (next: number) => {
      moved.current = true;
      setStep(next);
      setOpened((before) => new Set([...before, next]));
      const url = new URL(window.location.href);
      url.searchParams.set("step", String(next + 1));
      window.history.replaceState(null, "", url);
      // The place is saved for resuming; without a connection the outbox keeps the last one.
      if (next < steps.length) {
        const write = { method: "PUT" as const, path: `${base}/position`, body: { step: next }, label: tf("outboxPosition", { title: steps[0] ?? "" }) };
        void sendOrQueue(write, tc("offline"), { supersedes: true }).catch(() => undefined);
      }
    },
    [base, steps, tf, tc],
  );

  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "start" });
  }, [step]);

  const complete = async () => {
    const body = {
      doneAt: new Date().toISOString(),
      minutes: Math.min(120, Math.round((Date.now() - openedAt.current) / 60000)),
      answers: Object.entries(answers.current).map(([itemId, correct]) => ({ itemId, correct })),
    };
    setFinish({ state: "saving" });
    try {
      const sent = await sendOrQueue(
        { method: "POST", path: `${base}/completion`, body, label: tf("outboxCompletion", { title: steps[0] ?? "" }) },
        tc("offline"),
      );
      if (sent.state === "sent") setFinish({ state: "done", message: tf("finished", { count: body.answers.length }) });
      else {
        setFinish({ state: "queued", message: tf("finishQueued") });
        setWaiting({ key: sent.key, userId: sent.userId, answers: body.answers.length });
      }
    } catch (error) {
      setFinish({ state: "failed", message: error instanceof ApiError ? error.message : tc("offline") });
    }
  };

  const title = step < steps.length ? steps[step]! : tf("finishTitle");
  const link = (n: number) => `?step=${n + 1}`;
  const nav = (event: MouseEvent<HTMLAnchorElement>, n: number) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(n);
  };

  return (
    <AnswerSinkContext.Provider value={report}>
      <div className="sticky top-0 z-10 -mx-4 mb-4 bg-white/95 px-4 py-2">
        <p id="lesson-step-label" className="text-sm font-semibold" tabIndex={-1} ref={heading}>
          {stepLabels ? (stepLabels[step] ?? title) : `${t("stepOf", { step: step + 1, total })}: ${title}`}
        </p>
        <progress className="lesson-progress mt-1 h-2 w-full" max={total} value={step + 1} aria-labelledby="lesson-step-label" />
      </div>
      <StepContext.Provider value={{ current: step, opened }}>
        {children}
        <LessonStep index={steps.length}>
          <section aria-labelledby="finish" className="card">
            <h2 id="finish" className="mb-2 text-lg font-bold">
              {tf("finishTitle")}
            </h2>
            <p className="mb-3">{completedBefore ? tf("finishAgainLead") : tf("finishLead")}</p>
            {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's start. */}
            <button
              type="button"
              className="btn aria-disabled:cursor-not-allowed"
              aria-disabled={finish.state === "saving" || finish.state === "done" || finish.state === "queued"}
              onClick={() => {
                if (finish.state === "idle" || finish.state === "failed") void complete();
              }}
            >
              {finish.state === "saving" ? tc("saving") : tf("finish")}
            </button>
            <p role="status" className="mt-2">
              {finish.message ?? ""}
            </p>
          </section>
          {after}
        </LessonStep>
      </StepContext.Provider>
      <nav aria-label={t("stepsNav")} className="mt-6 flex flex-wrap justify-between gap-3 border-t border-neutral-300 pt-4">
        {step > 0 ? (
          <a className="btn-secondary" href={link(step - 1)} onClick={(e) => nav(e, step - 1)}>
            {t("back")}
          </a>
        ) : (
          <span />
        )}
        {step < total - 1 ? (
          <a className="btn" href={link(step + 1)} onClick={(e) => nav(e, step + 1)}>
            {step + 1 === steps.length ? t("toFinish") : t("forward")}
          </a>
        ) : null}
      </nav>
    </AnswerSinkContext.Provider>
  );
}
