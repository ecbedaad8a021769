/**
 * What a person typed, ticked or picked before the page's scripts ran (decision 044).
 *
 * Pages arrive whole and their scripts follow the first paint (decisions 038, 041), so on a slow
 * link a worker can start typing a reply before React hydrates the form. React keeps the browser's
 * value while hydrating but does not tell the component's state, and the next render of a
 * controlled field puts the state's value back: the text is wiped. Given as the `ref` of a form (or
 * of the element that holds its fields), this runs once the form is hydrated — in the same commit,
 * before any later render — and replays each changed field as the browser would have reported it,
 * so the field's `onChange` brings the state in line with what is on the screen.
 *
 * Detecting a change: React sets `defaultValue` / `defaultChecked` / `defaultSelected` from the
 * props while hydrating and leaves the live value alone, so a field whose live value differs from
 * its default was changed by the person. React notices an input event only when the value differs
 * from the one it last saw (its value tracker, which follows the element's own `value` / `checked`
 * property), so that property is first set back to the default and the live value restored with
 * the prototype's setter, which the tracker does not see.
 */
export function keepEarlyInput(container: HTMLElement | null): void {
  if (!container) return;
  for (const field of container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select")) {
    if (field.disabled) continue;
    if (field instanceof HTMLSelectElement) replaySelect(field);
    else if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) replayChecked(field);
    else if (field instanceof HTMLTextAreaElement || isTextInput(field)) replayText(field);
  }
}

const NOT_TEXT = new Set(["hidden", "file", "submit", "reset", "button", "image", "checkbox", "radio"]);

function isTextInput(field: HTMLInputElement): boolean {
  return !NOT_TEXT.has(field.type);
}

function replayText(field: HTMLInputElement | HTMLTextAreaElement): void {
  const typed = field.value;
  if (typed === field.defaultValue) return;
  const focused = field.ownerDocument.activeElement === field;
  const [start, end] = focused ? selectionOf(field) : [null, null];
  field.value = field.defaultValue;
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, typed);
  field.dispatchEvent(new Event("input", { bubbles: true }));
  if (focused && start !== null && end !== null) restoreSelection(field, start, end);
}

function replayChecked(field: HTMLInputElement): void {
  if (field.checked === field.defaultChecked) return;
  // A radio button left unchecked because another was picked: its group's picked one replays.
  if (field.type === "radio" && !field.checked) return;
  // Back to the other state through the element's own property, then the click the person made.
  field.checked = !field.checked;
  field.click();
}

function replaySelect(field: HTMLSelectElement): void {
  if (![...field.options].some((option) => option.selected !== option.defaultSelected)) return;
  field.dispatchEvent(new Event("change", { bubbles: true }));
}

function selectionOf(field: HTMLInputElement | HTMLTextAreaElement): [number | null, number | null] {
  try {
    return [field.selectionStart, field.selectionEnd];
  } catch {
    return [null, null];
  }
}

function restoreSelection(field: HTMLInputElement | HTMLTextAreaElement, start: number, end: number): void {
  try {
    field.setSelectionRange(start, end);
  } catch {
    // Some input types (email, number) have no selection to restore.
  }
}
