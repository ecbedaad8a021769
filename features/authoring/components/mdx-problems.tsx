"use client";

import type { MouseEvent } from "react";
import { useT } from "@/ui/messages";
import type { EditorProblem } from "./editor-logic";
import { showLineAndColumn } from "./textarea-insert";

export type MdxProblemsProps = {
  /** checkMdx's problems with their messages already translated (the server has the ICU messages). */
  problems: EditorProblem[];
  /** The id of the MDX textarea each problem leads to. */
  textareaId: string;
  /** The heading's id, when the list is not the one MdxEditor describes its textarea by (the live preview's). */
  headingId?: string;
};

/** The id of the problems' heading for a textarea: MdxEditor describes its textarea by it. */
export const problemsHeadingId = (textareaId: string) => `${textareaId}-problems`;

/**
 * The problems of a document, in two groups: what must be fixed before the draft can be saved
 * (unsafe) and what before it goes to review (content rules). Each is a link to the textarea
 * ("Line 12, column 5: …"); with JavaScript it also puts the caret at that place and scrolls to it.
 */
export function MdxProblems({ problems, textareaId, headingId = problemsHeadingId(textareaId) }: MdxProblemsProps) {
  const t = useT();
  if (problems.length === 0) return null;
  const unsafe = problems.filter((p) => p.severity === "unsafe");
  const content = problems.filter((p) => p.severity === "content");
  const go = (event: MouseEvent<HTMLAnchorElement>, problem: EditorProblem) => {
    const area = document.getElementById(textareaId);
    if (!(area instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    showLineAndColumn(area, problem.line, problem.column);
  };
  const group = (items: EditorProblem[], heading: string, hint: string, tone: string) =>
    items.length ? (
      <section className={`rounded-md border-l-4 p-3 ${tone}`}>
        <h3 className="font-semibold">{heading}</h3>
        <p className="text-sm">{hint}</p>
        <ul role="list" className="mt-2 grid gap-1">
          {items.map((problem, index) => (
            <li key={`${problem.line}:${problem.column}:${index}`}>
              <a href={`#${textareaId}`} onClick={(event) => go(event, problem)} className="inline-block min-h-6 break-words py-0.5">
                {t("authoring.problems.item", { line: problem.line, column: problem.column, message: problem.message })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <div className="grid gap-2">
      <h2 id={headingId} className="text-lg font-bold">
        {t("authoring.problems.heading", { count: problems.length })}
      </h2>
      {group(
        unsafe,
        t("authoring.problems.unsafeHeading", { count: unsafe.length }),
        t("authoring.problems.unsafeHint"),
        "border-red-700 bg-red-50 text-red-900",
      )}
      {group(
        content,
        t("authoring.problems.contentHeading", { count: content.length }),
        t("authoring.problems.contentHint"),
        "border-amber-600 bg-amber-50 text-amber-950",
      )}
    </div>
  );
}
