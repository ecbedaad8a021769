import type { DraftKind, TDraftContent } from "../draft-schemas";
import type { ThreadKind } from "../types";

type FormTarget = { mode: "reply"; threadId: string } | { mode: "thread"; spaceSlug: string } | { mode: "edit"; postId: string };

/** Which draft a post form keeps: a new thread's in its space, a reply's in its thread, an edit's of its post. */
export function draftTargetOf(props: FormTarget): { kind: DraftKind; target: string } {
  if (props.mode === "reply") return { kind: "reply", target: props.threadId };
  if (props.mode === "thread") return { kind: "thread", target: props.spaceSlug };
  return { kind: "edit", target: props.postId };
}

/** The fields of the form worth keeping for its mode (a hard case keeps its three parts, not a body). */
export function draftContentOf(
  mode: FormTarget["mode"],
  fields: { kind: ThreadKind; title: string; body: string; hardCase: { situation: string; tried: string; question: string } },
): TDraftContent {
  if (mode !== "thread") return { body: fields.body };
  return fields.kind === "HARD_CASE"
    ? { threadKind: fields.kind, title: fields.title, hardCase: fields.hardCase }
    : { threadKind: fields.kind, title: fields.title, body: fields.body };
}
