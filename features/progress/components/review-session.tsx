"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "@/ui/messages";
import { ApiError } from "@/ui/api-client";
import { AnswerSinkContext } from "@/features/lessons/components/answer-sink";
import { sendOrQueue } from "@/features/offline/send-or-queue";
import { listOutbox } from "@/features/offline/outbox";
import { sessionUserId } from "@/features/offline/session-user";
import { itemsStillToAnswer, sessionEndsAfter, type ReviewItemRef } from "../review-session-rules";

type Session = { current: number; answered: (index: number, correct: boolean) => void; next: () => void; isLast: boolean };
const SessionContext = createContext<Session | null>(null);

/**
 * A review session: due items one at a time, each answer recorded at once (kept for later when the
 * connection is gone). It stops after the last item or, once two minutes have passed, after the
 * current one: review should never take more than two minutes of a working day. Opened again from
 * the device before its answers were sent, it leaves out the items already answered.
 */
export function ReviewSession({ items, due, limitSeconds, children }: { items: ReviewItemRef[]; due: number; limitSeconds: number; children: ReactNode }) {
  const t = useT("review");
  const [order, setOrder] = useState(() => items.map((_, i) => i));
  const [step, setStep] = useState(0);
  const current = order[step] ?? -1;
  const count = order.length;
  const [results, setResults] = useState<boolean[]>([]);
  const [finished, setFinished] = useState(false);
  const startedAt = useRef(0);
  const hasAnswered = useRef(false);
  const summary = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    startedAt.current = Date.now();
    const userId = sessionUserId();
    if (!userId) return;
    listOutbox(userId)
      .then((waiting) => {
        const left = itemsStillToAnswer(items, waiting);
        // Read in a moment; an answer given meanwhile keeps the session as it is.
        if (left.length < items.length && !hasAnswered.current) setOrder(left);
      })
      .catch(() => undefined);
  }, [items]);
  const position = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (finished) summary.current?.focus();
  }, [finished]);
  useEffect(() => {
    if (step > 0) position.current?.focus();
  }, [step]);
  const answered = useCallback((index: number, correct: boolean) => {
    hasAnswered.current = true;
    setResults((r) => (r[index] === undefined ? Object.assign([...r], { [index]: correct }) : r));
  }, []);
  const next = () => {
    if (sessionEndsAfter(step, count, startedAt.current, Date.now(), limitSeconds)) setFinished(true);
    else setStep(step + 1);
  };
  const done = results.filter((r) => r !== undefined).length;
  const right = results.filter(Boolean).length;
  const waiting = items.length - order.length;
  if (count === 0) {
    return (
      <section className="card" aria-labelledby="review-waiting">
        <h2 id="review-waiting" className="mb-2 text-xl font-bold">
          {t("allWaitingTitle")}
        </h2>
        <p className="mb-4">{t("allWaiting", { count: waiting })}</p>
        <a className="btn" href="/today">
          {t("toToday")}
        </a>
      </section>
    );
  }
  if (finished) {
    return (
      <section className="card" aria-labelledby="review-done">
        <h2 id="review-done" ref={summary} tabIndex={-1} className="mb-2 text-xl font-bold">
          {t("doneTitle")}
        </h2>
        <p className="mb-1">{t("doneLine", { done, right })}</p>
        <p className="mb-4">{due - done - waiting > 0 ? t("stillDue", { count: due - done - waiting }) : t("allClear")}</p>
        <div className="flex flex-wrap gap-3">
          {due - done - waiting > 0 ? (
            <a className="btn-secondary" href="/review">
              {t("more")}
            </a>
          ) : null}
          <a className="btn" href="/today">
            {t("toToday")}
          </a>
        </div>
      </section>
    );
  }
  return (
    <SessionContext.Provider value={{ current, answered, next, isLast: step + 1 >= count }}>
      {waiting > 0 ? <p className="mb-2 text-sm">{t("someWaiting", { count: waiting })}</p> : null}
      <p id="review-position" ref={position} tabIndex={-1} className="mb-1 text-sm font-semibold">
        {t("position", { n: step + 1, total: count })}
      </p>
      <progress className="lesson-progress mb-4 h-2 w-full" max={count} value={step} aria-labelledby="review-position" />
      {children}
    </SessionContext.Provider>
  );
}

/** One due item; the first answer is what counts for the schedule, as in a real recall. */
export function ReviewItemView({ index, lessonId, itemId, children }: { index: number; lessonId: string; itemId: string; children: ReactNode }) {
  const t = useT("review");
  const tc = useT("common");
  const session = useContext(SessionContext);
  const shownAt = useRef(0);
  const [state, setState] = useState<"open" | "saving" | "saved" | "queued" | "failed">("open");
  const [error, setError] = useState("");
  const isCurrent = session?.current === index;
  useEffect(() => {
    if (isCurrent) shownAt.current = Date.now();
  }, [isCurrent]);

  const report = useCallback(
    (answeredItem: string, correct: boolean) => {
      if (answeredItem !== itemId || state !== "open") return;
      session?.answered(index, correct);
      const body = { lessonId, itemId, correct, seconds: Math.round((Date.now() - shownAt.current) / 1000), answeredAt: new Date().toISOString() };
      setState("saving");
      sendOrQueue({ method: "POST", path: "/api/v1/reviews", body, label: t("outboxLabel") }, tc("offline"))
        .then((sent) => setState(sent.state === "sent" ? "saved" : "queued"))
        .catch((e: unknown) => {
          setError(e instanceof ApiError ? e.message : tc("offline"));
          setState("failed");
        });
    },
    [itemId, lessonId, index, session, state, t, tc],
  );

  if (!session || !isCurrent) return null;
  return (
    <AnswerSinkContext.Provider value={report}>
      {children}
      <p role="status" className="mb-3 text-sm">
        {state === "queued" ? t("queued") : state === "failed" ? error : ""}
      </p>
      {state !== "open" ? (
        <button type="button" className="btn" disabled={state === "saving"} onClick={session.next}>
          {session.isLast ? t("finish") : t("next")}
        </button>
      ) : null}
    </AnswerSinkContext.Provider>
  );
}
