import { createHash } from "node:crypto";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { REVIEW_ITEM_KINDS, type MdNode, type ReviewItemKind } from "../lessons/compile";

/**
 * What learners' records hold on to when a published lesson or guide is edited, and when they
 * reset (decision 032). Progress and review cards are keyed by the lesson's id, its screen number
 * and its items' ids, so an edit can keep them all — these rules say when keeping them would be
 * wrong:
 *
 * 1. A finished lesson or guide stays finished, whatever the edit (what was learnt was learnt).
 * 2. Where an unfinished learner stands (the screen they resume at) is kept when the new version
 *    has the same screens: the same titles in the same order. Otherwise they resume from the
 *    opening, because "screen 4" now means something else.
 * 3. A review card of a quiz-like item survives when the new version still has an item of that id
 *    and kind with the same answer key: the number of options or choices and which are correct
 *    (a true/false item: its answer). Reworded questions and explanations keep the card. An item
 *    removed, or one whose right answer changed, loses its cards: the learner would otherwise be
 *    drilled on an answer the lesson no longer teaches. Answering it again in the lesson makes a
 *    new card.
 */
export type ScreensAndItems = {
  /** The player's screens in order, by title (a guide: its step ids). */
  screens: readonly string[];
  items: readonly { id: string; kind: string; answerKey: string }[];
};

export type EditImpact = {
  /** Unfinished learners keep their place (rule 2). */
  keepsPositions: boolean;
  /** Item ids whose review cards are removed (rule 3). */
  resetItemIds: string[];
};

export function editImpact(before: ScreensAndItems, after: ScreensAndItems): EditImpact {
  const keepsPositions = before.screens.length === after.screens.length && before.screens.every((title, i) => title === after.screens[i]);
  const afterById = new Map(after.items.map((i) => [i.id, i]));
  const resetItemIds = before.items
    .filter((old) => {
      const now = afterById.get(old.id);
      return !now || now.kind !== old.kind || now.answerKey !== old.answerKey;
    })
    .map((i) => i.id);
  return { keepsPositions, resetItemIds };
}

const parser = unified().use(remarkParse).use(remarkMdx);

type JsxAttribute = { type: string; name?: string; value?: unknown };
const attributes = (node: MdNode) => (node.attributes ?? []) as JsxAttribute[];
const attribute = (node: MdNode, name: string) => attributes(node).find((a) => a.type === "mdxJsxAttribute" && a.name === name);
/** A bare flag (`correct`), `{true}` or `{false}`; the safe-MDX check allows nothing else. */
function isSet(node: MdNode, name: string): boolean {
  const found = attribute(node, name);
  if (!found) return false;
  if (found.value === null || found.value === undefined) return true;
  if (typeof found.value === "object") return (found.value as { value?: string }).value?.trim() === "true";
  return String(found.value) === "true";
}
const childrenNamed = (node: MdNode, name: string): MdNode[] => {
  const out: MdNode[] = [];
  const visit = (n: MdNode) => {
    for (const child of n.children ?? []) {
      if (child.type.startsWith("mdxJsx") && child.name === name) out.push(child);
      else visit(child);
    }
  };
  visit(node);
  return out;
};

/** An item's answer key: what must stay the same for its review cards to stay meaningful (rule 3). */
function answerKey(node: MdNode, kind: ReviewItemKind): string {
  if (kind === "TrueFalse") return `answer:${isSet(node, "answer")}`;
  if (kind === "Quiz") {
    const options = childrenNamed(node, "Option");
    return `options:${options.length};correct:${options.flatMap((o, i) => (isSet(o, "correct") ? [i] : [])).join(",")};multiple:${isSet(node, "multiple")}`;
  }
  const choices = childrenNamed(node, "Choice");
  return `choices:${choices.length};best:${choices.flatMap((c, i) => (isSet(c, "best") ? [i] : [])).join(",")}`;
}

/** The quiz-like items of an MDX body with their answer keys, in document order. */
export function reviewItemsOf(body: string): ScreensAndItems["items"] {
  const tree = parser.parse(body) as MdNode;
  const items: { id: string; kind: string; answerKey: string }[] = [];
  const visit = (node: MdNode) => {
    if (node.type.startsWith("mdxJsx") && REVIEW_ITEM_KINDS.includes(node.name as ReviewItemKind)) {
      const id = attribute(node, "id")?.value;
      if (typeof id === "string") {
        const kind = node.name as ReviewItemKind;
        items.push({ id, kind, answerKey: createHash("sha256").update(answerKey(node, kind)).digest("hex").slice(0, 16) });
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return items;
}
