"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/ui/messages";
import { ApiError, callApi } from "@/ui/api-client";
import { MdxProblems } from "./mdx-problems";
import type { EditorProblem } from "./editor-logic";

type Props = {
  itemId: string;
  /** The draft form (its fields are what is saved) and its textarea. */
  formId: string;
  textareaId: string;
};

type ApiProblem = { line: number; column: number; severity: "unsafe" | "content"; messageKey: string; params: Record<string, string | number> };
type Saved = { revision: number; problems: ApiProblem[] };

/** How long typing must pause before the draft is saved and the preview redrawn: an old laptop on a weak line should not save every key. */
const PAUSE_MS = 1500;

/**
 * The live preview beside the editor (JavaScript only; without it "Save and preview" does the
 * same). While it is on, a pause in typing saves the draft through the API — compare-and-set on the
 * revision the form holds, which it then advances, so the form's own Save keeps working — and
 * redraws the preview page's article here, rendered on the server by the learner's components.
 * Quizzes in it are pictures of the real ones; the full preview page answers them.
 */
export function LivePreview({ itemId, formId, textareaId }: Props) {
  const t = useT();
  // The checks' messages: one namespace, named, so that the page hands over only these (scripts/client-message-keys.mjs).
  const tm = useT("authoring.mdx");
  const id = useId();
  const [isOn, setOn] = useState(false);
  const [status, setStatus] = useState("");
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const pane = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isStopped = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (!isOn) return;
    const form = document.getElementById(formId);
    const area = document.getElementById(textareaId);
    if (!(form instanceof HTMLFormElement) || !(area instanceof HTMLTextAreaElement)) return;

    const translate = (list: ApiProblem[]): EditorProblem[] =>
      list.map((p) => ({ line: p.line, column: p.column, severity: p.severity, message: tm(p.messageKey.slice("authoring.mdx.".length), p.params) }));

    const redraw = async () => {
      const response = await fetch(`/authoring/${itemId}/preview`, { credentials: "same-origin" }).catch(() => null);
      if (!response?.ok || !pane.current) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      // Only the article (or the notice that the text cannot be shown yet); nothing runs from it.
      const content = page.querySelector("main article") ?? page.querySelector("main [role=alert]");
      if (!content) return;
      content.querySelectorAll("script, noscript").forEach((node) => node.remove());
      pane.current.replaceChildren(document.importNode(content, true));
    };

    const save = async () => {
      if (isStopped.current) return;
      const fields = new FormData(form);
      const revision = form.elements.namedItem("revision");
      if (!(revision instanceof HTMLInputElement)) return;
      setStatus(t("authoring.live.saving"));
      try {
        const saved = await callApi<Saved>(
          "POST",
          `/api/v1/authoring/items/${itemId}/draft`,
          {
            revision: Number(revision.value),
            text: area.value,
            title: fields.get("title") ?? undefined,
            summary: fields.get("summary") ?? undefined,
            hromadaIds: fields.getAll("hromadaIds"),
          },
          "",
          t("authoring.live.offline"),
        );
        revision.value = String(saved.revision);
        setProblems(translate(saved.problems));
        setStatus(t("authoring.live.saved", { time: new Date().toLocaleTimeString("uk-UA", { hour: "2-digit", minute: "2-digit" }) }));
        await redraw();
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          isStopped.current = true;
          setStatus(t("authoring.live.stale"));
        } else if (error instanceof ApiError && error.status === 422) {
          const found = (error.body as unknown as { problems?: ApiProblem[] }).problems ?? [];
          setProblems(translate(found));
          setStatus(t("authoring.live.unsafe"));
        } else {
          setStatus(error instanceof ApiError ? error.message : t("authoring.live.offline"));
        }
      }
    };

    const onInput = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        inFlight.current = save().finally(() => (inFlight.current = null));
      }, PAUSE_MS);
    };
    // The form's own buttons post the revision the form holds: a save under way finishes (and
    // advances it) first, and none starts after.
    const onSubmit = (event: SubmitEvent) => {
      if (timer.current) clearTimeout(timer.current);
      isStopped.current = true;
      const pending = inFlight.current;
      if (!pending) return;
      event.preventDefault();
      void pending.then(() => form.requestSubmit(event.submitter instanceof HTMLButtonElement ? event.submitter : undefined));
    };
    area.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("submit", onSubmit);
    void redraw();
    return () => {
      area.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
      form.removeEventListener("submit", onSubmit);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [isOn, itemId, formId, textareaId, t, tm]);

  return (
    <section aria-labelledby={`${id}-heading`} className="grid content-start gap-2">
      <h2 id={`${id}-heading`} className="sr-only">
        {t("authoring.live.heading")}
      </h2>
      <p>
        <button type="button" className="btn-secondary" aria-pressed={isOn} onClick={() => setOn(!isOn)}>
          {isOn ? t("authoring.live.turnOff") : t("authoring.live.turnOn")}
        </button>
      </p>
      {isOn ? (
        <>
          <p className="text-sm text-muted">{t("authoring.live.hint")}</p>
          <p role="status" className="text-sm font-semibold">
            {status}
          </p>
          <MdxProblems problems={problems} textareaId={textareaId} headingId={`${id}-problems`} />
          {/* Focusable, so a keyboard can scroll a long preview. */}
          <div
            ref={pane}
            role="region"
            aria-label={t("authoring.live.pane")}
            tabIndex={0}
            className="max-h-[80vh] overflow-auto rounded border border-neutral-300 bg-white p-3"
          />
        </>
      ) : null}
    </section>
  );
}
