"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, errorText, newKey } from "@/ui/api-client";
import type { TClientDataSpan } from "../schemas";
import { THREAD_KINDS, type ThreadKind } from "../types";
import { HighlightedSpans } from "./guard-spans";
import { useComposer } from "./composer-context";
import { usePostDraft } from "./use-post-draft";
import { DraftStatusLine } from "./draft-status";
import { draftContentOf, draftTargetOf } from "./post-form-draft";
import { sendOrQueue } from "@/features/offline/send-or-queue";

type Props =
  | { mode: "reply"; threadId: string; /** A quotation the server put in (`?quote=`, without JavaScript). */ initialBody?: string }
  | { mode: "thread"; spaceSlug: string; reminder: string }
  | { mode: "edit"; postId: string; initialBody: string; onDone: () => void };

/**
 * Writes a reply, or starts a thread (with the hard-case template). When the server's client-data
 * guard answers `client_data_suspected`, the suspected spans are shown highlighted and the author
 * may send again only by ticking "I confirm there is no client data".
 */
export function PostForm(props: Props) {
  const t = useT("community");
  const tc = useT("common");
  const td = useT("communityDrafts");
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<ThreadKind>("QUESTION");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState(props.mode === "thread" ? "" : (props.initialBody ?? ""));
  const [hardCase, setHardCase] = useState({ situation: "", tried: "", question: "" });
  const [spans, setSpans] = useState<TClientDataSpan[] | null>(null);
  const [sentText, setSentText] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** A reply or topic kept on the device for lack of a connection (the outbox sends it later). */
  const [queuedNote, setQueuedNote] = useState("");
  const [key, setKey] = useState(newKey);

  // Drafts kept as you type and quotations from the thread's posts (decision 025).
  const composer = useComposer();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const quoted = props.mode === "reply" ? (props.initialBody ?? "") : "";
  const draft = usePostDraft({
    userId: composer?.userId ?? null,
    ...draftTargetOf(props),
    content: useMemo(() => draftContentOf(props.mode, { kind, title, body, hardCase }), [props.mode, kind, title, body, hardCase]),
    onRestore: (c) => {
      if (c.threadKind) setKind(c.threadKind);
      if (c.title !== undefined) setTitle(c.title);
      if (c.hardCase) setHardCase(c.hardCase);
      if (c.body !== undefined) setBody(quoted && !c.body.includes(quoted) ? `${c.body.trimEnd()}\n\n${quoted}` : c.body);
    },
  });
  useEffect(() => {
    if (props.mode !== "reply" || !composer) return;
    composer.registerReply((markdown) => {
      setBody((b) => (b.trim() ? `${b.trimEnd()}\n\n${markdown}` : markdown));
      // After the new text is in: the caret at its end, ready to write under the quotation.
      setTimeout(() => {
        const area = bodyRef.current;
        area?.focus();
        area?.setSelectionRange(area.value.length, area.value.length);
      }, 0);
    });
    return () => composer.registerReply(null);
  }, [composer, props.mode]);

  const isHardCase = props.mode === "thread" && kind === "HARD_CASE";
  const bodyText = isHardCase ? [hardCase.situation, hardCase.tried, hardCase.question].join("\n\n") : body;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setQueuedNote("");
    const confirmNoClientData = spans !== null && confirmed ? true : undefined;
    try {
      await draft.settle();
      if (props.mode === "edit") {
        await callApi("PATCH", `/api/v1/community/posts/${props.postId}`, { body, confirmNoClientData }, key, tc("offline"));
        draft.clear();
        props.onDone();
        router.refresh();
      } else if (props.mode === "reply") {
        const sent = await sendOrQueue<{ id: string }>(
          { method: "POST", path: `/api/v1/community/threads/${props.threadId}/posts`, body: { body, confirmNoClientData }, label: t("outboxReply") },
          tc("offline"),
          { key },
        );
        draft.clear();
        setBody("");
        setSpans(null);
        setConfirmed(false);
        setKey(newKey());
        // The new reply may start a page of its own: open the page that holds it (decision 026).
        if (sent.state === "sent") router.push(`/community/t/${props.threadId}?post=${encodeURIComponent(sent.data.id)}#post-${sent.data.id}`);
        else setQueuedNote(tc("queuedOffline"));
      } else {
        const payload = isHardCase ? { kind, title, hardCase, confirmNoClientData } : { kind, title, body, confirmNoClientData };
        const sent = await sendOrQueue<{ id: string }>(
          { method: "POST", path: `/api/v1/community/spaces/${props.spaceSlug}/threads`, body: payload, label: t("outboxThread") },
          tc("offline"),
          { key },
        );
        draft.clear();
        if (sent.state === "sent") router.push(`/community/t/${sent.data.id}`);
        else setQueuedNote(tc("queuedOffline"));
      }
    } catch (e) {
      setKey(newKey());
      if (e instanceof ApiError && e.body.code === "client_data_suspected") {
        setSpans((e.body as unknown as { spans: TClientDataSpan[] }).spans);
        setSentText(isHardCase ? "" : body);
        setError(e.message);
      } else {
        setError(errorText(e, tc("offline")));
      }
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="mt-3 grid gap-3" noValidate>
      {props.mode === "thread" ? (
        <>
          <fieldset>
            <legend className="mb-1 font-semibold">{t("kind")}</legend>
            {THREAD_KINDS.map((k) => (
              <label key={k} className="flex items-start gap-2 py-1">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1" />
                <span>
                  <span className="font-semibold">{t(`kinds.${k}`)}</span> — {t(`kindHints.${k}`)}
                </span>
              </label>
            ))}
          </fieldset>
          <p className="notice-ok text-sm">{props.reminder}</p>
          <div>
            <label htmlFor={`${id}-title`} className="mb-1 block font-semibold">
              {t("threadTitle")}
            </label>
            <input id={`${id}-title`} className="input" maxLength={160} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          </div>
        </>
      ) : null}
      {isHardCase ? (
        (["situation", "tried", "question"] as const).map((part) => (
          <div key={part}>
            <label htmlFor={`${id}-${part}`} className="mb-1 block font-semibold">
              {t(part)}
            </label>
            <textarea
              id={`${id}-${part}`}
              className="input min-h-24"
              maxLength={6000}
              value={hardCase[part]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setHardCase((h) => ({ ...h, [part]: value }));
              }}
              aria-describedby={describedBy}
            />
          </div>
        ))
      ) : (
        <div>
          <label htmlFor={`${id}-body`} className="mb-1 block font-semibold">
            {props.mode === "reply" ? t("yourReply") : props.mode === "edit" ? t("editLabel") : t("body")}
          </label>
          <p id={`${id}-hint`} className="mb-1 text-sm text-muted">
            {t("bodyHint")} {td("syntaxHint")}
          </p>
          <textarea
            ref={bodyRef}
            id={`${id}-body`}
            className="input min-h-32"
            maxLength={20000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            aria-invalid={spans ? true : undefined}
            aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(" ")}
          />
        </div>
      )}
      {error ? (
        <div id={errorId} role="alert" className="notice-error">
          <p className="font-semibold">{error}</p>
          {spans ? (
            <>
              <p className="mt-1">{t("suspected")}</p>
              {spans.some((s) => s.field === "title") ? (
                <HighlightedSpans text={title} spans={spans.filter((s) => s.field === "title")} label={t("inTitle")} />
              ) : null}
              {sentText && spans.some((s) => s.field === "body") ? (
                <HighlightedSpans text={sentText} spans={spans.filter((s) => s.field === "body")} label={t("body")} />
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {spans ? (
        <label className="flex items-start gap-2">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} className="mt-1" />
          <span>{t("confirmNoClientData")}</span>
        </label>
      ) : null}
      <DraftStatusLine status={draft.status} />
      {queuedNote ? (
        <p role="status" className="text-sm font-semibold">
          {queuedNote}
        </p>
      ) : null}
      <div>
        <button type="submit" className="btn" disabled={busy || !bodyText.trim()}>
          {busy ? tc("sending") : props.mode === "reply" ? t("reply") : props.mode === "edit" ? t("save") : t("publish")}
        </button>
      </div>
    </form>
  );
}
