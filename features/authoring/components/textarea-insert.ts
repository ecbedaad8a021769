import { insertionFor, offsetAt, type Insertable } from "./editor-logic";

/**
 * Puts a snippet into a textarea at its caret (replacing the selection), keeps the focus there and
 * selects the snippet's placeholder. `insertText` goes through the browser's editing, so Ctrl+Z
 * takes the snippet out again; where a browser refuses it, setRangeText does the same without undo,
 * and an input event tells listeners (the caret status, a draft keeper) that the text changed.
 */
export function insertIntoTextarea(area: HTMLTextAreaElement, snippet: Insertable): void {
  const { selectionStart: start, selectionEnd: end, value } = area;
  const insertion = insertionFor(value, start, end, snippet);
  area.focus();
  area.setSelectionRange(start, end);
  let isInserted = false;
  try {
    // Deprecated but still the only way into the textarea's own undo history.
    isInserted = typeof document.execCommand === "function" && document.execCommand("insertText", false, insertion.text);
  } catch {
    isInserted = false;
  }
  if (!isInserted) {
    area.setRangeText(insertion.text, start, end, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  area.setSelectionRange(insertion.selectStart, insertion.selectEnd);
}

/**
 * Moves the caret to a line and column and brings it into view. The textarea is scrolled near the
 * line first (wrapped lines make that an estimate), then blurred and focused again: browsers scroll
 * a textarea to its caret on focus, which corrects the estimate.
 */
export function showLineAndColumn(area: HTMLTextAreaElement, line: number, column: number): void {
  const offset = offsetAt(area.value, line, column);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 24;
  area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 3);
  area.setSelectionRange(offset, offset);
  area.blur();
  area.focus();
  area.scrollIntoView({ block: "nearest" });
}
