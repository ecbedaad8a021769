"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { useT } from "@/ui/messages";
import { useReportAnswer } from "./answer-sink";

/*
 * Lesson components arrive as children rendered across the server/client boundary, so a parent
 * cannot inspect its children's props. Each option renders itself and talks to its question
 * through a context instead.
 */

type QuizState = {
  name: string;
  multiple: boolean;
  chosen: string[];
  checked: boolean;
  choose: (key: string, on: boolean) => void;
  register: (key: string, correct: boolean) => () => void;
};
const QuizContext = createContext<QuizState | null>(null);

/** Single or multiple choice with immediate feedback and an explanation for every option. */
export function Quiz({ id, question, multiple = false, children }: { id: string; question: string; multiple?: boolean; children: ReactNode }) {
  const t = useT("lesson");
  const name = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const register = useCallback((key: string, correct: boolean) => {
    setAnswers((a) => ({ ...a, [key]: correct }));
    return () => setAnswers(({ [key]: _removed, ...rest }) => rest);
  }, []);
  const choose = useCallback(
    (key: string, on: boolean) => {
      setChecked(false);
      setChosen((c) => (multiple ? (on ? [...c, key] : c.filter((x) => x !== key)) : [key]));
    },
    [multiple],
  );
  const state = useMemo(() => ({ name, multiple, chosen, checked, choose, register }), [name, multiple, chosen, checked, choose, register]);
  const isRight = checked && Object.entries(answers).every(([key, correct]) => correct === chosen.includes(key));
  const reportAnswer = useReportAnswer();
  const check = () => {
    setChecked(true);
    reportAnswer?.(
      id,
      Object.entries(answers).every(([key, correct]) => correct === chosen.includes(key)),
    );
  };
  return (
    <fieldset ref={keepEarlyInput} className="card my-6" data-quiz-id={id}>
      <legend className="px-1 text-lg font-semibold">{question}</legend>
      <p className="mb-2 text-sm text-muted">{multiple ? t("chooseSeveral") : t("chooseOne")}</p>
      <QuizContext.Provider value={state}>{children}</QuizContext.Provider>
      <button type="button" className="btn-secondary mt-2" disabled={chosen.length === 0} onClick={check}>
        {t("check")}
      </button>
      <p role="status" className="mt-2 font-semibold">
        {checked ? (isRight ? t("quizRight") : t("quizWrong")) : ""}
      </p>
    </fieldset>
  );
}

export function Option({ correct = false, explanation, children }: { correct?: boolean; explanation: string; children: ReactNode }) {
  const t = useT("lesson");
  const quiz = useContext(QuizContext);
  const key = useId();
  const register = quiz?.register;
  useEffect(() => register?.(key, correct), [register, key, correct]);
  if (!quiz) return null;
  const isChosen = quiz.chosen.includes(key);
  return (
    <div className="mb-2">
      <label className="flex min-h-11 items-start gap-3">
        <input
          type={quiz.multiple ? "checkbox" : "radio"}
          name={quiz.name}
          className="mt-1 h-5 w-5 shrink-0"
          checked={isChosen}
          onChange={(e) => quiz.choose(key, e.currentTarget.checked)}
        />
        <span>{children}</span>
      </label>
      {quiz.checked && isChosen ? (
        <p className={`ml-8 text-sm ${correct ? "text-green-900" : "text-red-900"}`}>
          <strong>{correct ? t("right") : t("notQuite")}</strong> {explanation}
        </p>
      ) : null}
    </div>
  );
}

export function TrueFalse({ id, statement, answer, explanation }: { id: string; statement: string; answer: boolean; explanation: string }) {
  const t = useT("lesson");
  const name = useId();
  const [choice, setChoice] = useState<boolean | null>(null);
  const reportAnswer = useReportAnswer();
  return (
    <fieldset ref={keepEarlyInput} className="card my-6" data-quiz-id={id}>
      <legend className="px-1 text-lg font-semibold">{t("trueOrFalse")}</legend>
      <p className="mb-2">{statement}</p>
      <div className="flex flex-wrap gap-x-6">
        {[true, false].map((v) => (
          <label key={String(v)} className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={name}
              className="h-5 w-5"
              checked={choice === v}
              onChange={() => {
                setChoice(v);
                reportAnswer?.(id, v === answer);
              }}
            />
            {v ? t("true") : t("false")}
          </label>
        ))}
      </div>
      <p role="status" className="mt-2">
        {choice === null ? (
          ""
        ) : (
          <>
            <strong>{choice === answer ? t("right") : t("notQuite")}</strong> {explanation}
          </>
        )}
      </p>
    </fieldset>
  );
}

type ScenarioState = { name: string; picked: string | null; pick: (key: string, best: boolean, consequence: string) => void };
const ScenarioContext = createContext<ScenarioState | null>(null);

/** A short case: choose what to do, see what follows. */
export function Scenario({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const t = useT("lesson");
  const name = useId();
  const [picked, setPicked] = useState<{ key: string; best: boolean; consequence: string } | null>(null);
  const reportAnswer = useReportAnswer();
  const pick = useCallback(
    (key: string, best: boolean, consequence: string) => {
      setPicked({ key, best, consequence });
      reportAnswer?.(id, best);
    },
    [reportAnswer, id],
  );
  const state = useMemo(() => ({ name, picked: picked?.key ?? null, pick }), [name, picked, pick]);
  return (
    <fieldset ref={keepEarlyInput} className="card my-6 border-l-4 border-l-brand-700" data-quiz-id={id}>
      <legend className="px-1 text-lg font-semibold">
        {t("scenario")}: {title}
      </legend>
      <ScenarioContext.Provider value={state}>{children}</ScenarioContext.Provider>
      <p role="status" className="mt-2">
        {picked ? (
          <>
            <strong>{picked.best ? t("goodChoice") : t("thinkAgain")}</strong> {picked.consequence}
          </>
        ) : (
          ""
        )}
      </p>
    </fieldset>
  );
}

export function Situation({ children }: { children: ReactNode }) {
  const t = useT("lesson");
  return (
    <>
      <div className="mb-3">{children}</div>
      <p className="mb-2 font-semibold">{t("whatWouldYouDo")}</p>
    </>
  );
}

export function Choice({ best = false, consequence, children }: { best?: boolean; consequence: string; children: ReactNode }) {
  const scenario = useContext(ScenarioContext);
  const key = useId();
  if (!scenario) return null;
  return (
    <label className="mb-2 flex min-h-11 items-start gap-3">
      <input
        type="radio"
        name={scenario.name}
        className="mt-1 h-5 w-5 shrink-0"
        checked={scenario.picked === key}
        onChange={() => scenario.pick(key, best, consequence)}
      />
      <span>{children}</span>
    </label>
  );
}

/** A checklist the learner can tick (kept on this screen only). */
export function Checklist({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <fieldset ref={keepEarlyInput} className="card my-6" data-checklist-id={id}>
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function Item({ children }: { children: ReactNode }) {
  const [done, setDone] = useState(false);
  return (
    <label className="mb-1 flex min-h-11 items-start gap-3">
      <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" checked={done} onChange={(e) => setDone(e.currentTarget.checked)} />
      <span>{children}</span>
    </label>
  );
}
