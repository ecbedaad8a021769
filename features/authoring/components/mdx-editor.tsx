"use client";

import { useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useTextareaSnapshot } from "./use-textarea-snapshot";
import { useT } from "@/ui/messages";
import type { MdxKind } from "../allowlist";
import { caretAt, type EditorProblem } from "./editor-logic";
import { MdxProblems, problemsHeadingId } from "./mdx-problems";
import { paletteKeys, snippetsFor, type SnippetKey } from "./snippets";
import { insertIntoTextarea } from "./textarea-insert";

export type MdxEditorProps = {
  kind: MdxKind;
  /** The form field's name: the form posts the text, with or without JavaScript. */
  name: string;
  defaultValue: string;
  /** checkMdx's problems, translated; listed above the field, each leading to its place. Omit to show them elsewhere with MdxProblems. */
  problems?: EditorProblem[];
  /** The textarea's id: the caller's <label htmlFor> names it. */
  id: string;
  /** Ids of the caller's hints or errors that describe the field. */
  describedBy?: string;
};

const noSubscription = () => () => {};
/** "line N, column M" of the caret, as plain text under the field (no live region: it changes on every key). */
function CaretStatus({ textareaId }: { textareaId: string }) {
  const t = useT();
  const place = useTextareaSnapshot(
    textareaId,
    (value, caret) => {
      const { line, column } = caretAt(value, caret);
      return `${line}:${column}`;
    },
    "",
  );
  if (!place) return null;
  const [line, column] = place.split(":");
  return <p className="text-sm text-muted">{t("authoring.editor.caret", { line: line!, column: column! })}</p>;
}

/** The palette's labels: one literal key each, so the message check finds them. */
function useSnippetLabels(): Record<SnippetKey, string> {
  const t = useT();
  return {
    section: t("authoring.editor.snippets.section"),
    quiz: t("authoring.editor.snippets.quiz"),
    trueFalse: t("authoring.editor.snippets.trueFalse"),
    scenario: t("authoring.editor.snippets.scenario"),
    steps: t("authoring.editor.snippets.steps"),
    checklist: t("authoring.editor.snippets.checklist"),
    guideStep: t("authoring.editor.snippets.guideStep"),
    hotspot: t("authoring.editor.snippets.hotspot"),
    expect: t("authoring.editor.snippets.expect"),
    mistakes: t("authoring.editor.snippets.mistakes"),
    tellClient: t("authoring.editor.snippets.tellClient"),
    calloutTip: t("authoring.editor.snippets.calloutTip"),
    calloutWarning: t("authoring.editor.snippets.calloutWarning"),
    calloutPrivacy: t("authoring.editor.snippets.calloutPrivacy"),
    keyTerm: t("authoring.editor.snippets.keyTerm"),
    figure: t("authoring.editor.snippets.figure"),
  };
}

/**
 * The MDX field of a lesson, guide or methodology note: a plain textarea inside the caller's form.
 * With JavaScript a palette above it inserts ready snippets of the components the kind allows at
 * the caret, and a line under it says where the caret is; without, a disclosure lists the same
 * snippets to copy. The caller renders the label (`<label htmlFor={id}>`).
 */
export function MdxEditor({ kind, name, defaultValue, problems = [], id, describedBy }: MdxEditorProps) {
  const t = useT();
  const labels = useSnippetLabels();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  // False in the server's HTML (the copy list that works without JavaScript), true once the script runs.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Which palette items to offer depends on the text (a worker's guide has no TellClient): read on input, not per render.
  const [offered, setOffered] = useState<SnippetKey[]>(() => paletteKeys(kind, defaultValue));
  const [active, setActive] = useState(0);
  const hintId = `${id}-palette-hint`;

  const insert = (key: SnippetKey) => {
    const area = areaRef.current;
    if (!area) return;
    const snippet = snippetsFor(kind, area.value, area.selectionStart).find((s) => s.key === key);
    if (snippet) insertIntoTextarea(area, snippet);
  };
  const onInput = () => {
    const area = areaRef.current;
    if (!area) return;
    const keys = paletteKeys(kind, area.value);
    if (keys.join() !== offered.join()) {
      setOffered(keys);
      setActive(0);
    }
  };
  // A toolbar is one Tab stop; the arrow keys, Home and End move between its buttons.
  const onToolbarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: offered.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key]! + offered.length) % offered.length;
    setActive(next);
    event.currentTarget.querySelectorAll("button")[next]?.focus();
  };

  const describedByIds = [hydrated ? hintId : null, problems.length ? problemsHeadingId(id) : null, describedBy].filter(Boolean).join(" ");
  return (
    <div className="grid min-w-0 gap-2">
      <MdxProblems problems={problems} textareaId={id} />
      {hydrated ? (
        <div>
          <p id={hintId} className="mb-1 text-sm text-muted">
            {t("authoring.editor.paletteHint")}
          </p>
          <div role="toolbar" aria-label={t("authoring.editor.paletteLabel")} aria-controls={id} onKeyDown={onToolbarKey} className="flex flex-wrap gap-1.5">
            {offered.map((key, index) => (
              <button
                key={key}
                type="button"
                tabIndex={index === active ? 0 : -1}
                onFocus={() => setActive(index)}
                onClick={() => insert(key)}
                className="inline-flex min-h-9 min-w-9 items-center justify-center rounded-md border-2 border-brand-700 bg-white px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
              >
                {labels[key]}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <details className="rounded-md border border-neutral-300 bg-white p-3">
          <summary className="min-h-6 cursor-pointer font-semibold">{t("authoring.editor.copySummary")}</summary>
          <p className="mt-2 text-sm text-muted">{t("authoring.editor.copyHint")}</p>
          {snippetsFor(kind, defaultValue, defaultValue.length).map((snippet) => (
            <div key={snippet.key} className="mt-3">
              <p className="font-semibold">{labels[snippet.key]}</p>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-neutral-100 p-2 text-sm">{snippet.text}</pre>
            </div>
          ))}
        </details>
      )}
      <textarea
        ref={areaRef}
        id={id}
        name={name}
        defaultValue={defaultValue}
        rows={20}
        onInput={onInput}
        aria-describedby={describedByIds || undefined}
        aria-invalid={problems.length ? true : undefined}
        className="input min-h-64 font-mono text-base leading-relaxed"
      />
      <CaretStatus textareaId={id} />
    </div>
  );
}
