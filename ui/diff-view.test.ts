import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DiffView, type DiffLabels } from "./diff-view";

// A .test.ts file (the suite collects no .tsx), so the component is created without JSX.
const labels: DiffLabels = {
  added: "додано",
  removed: "вилучено",
  unchanged: "без змін",
  lines: (from, to) => `Рядки ${from}–${to}`,
  noChanges: "Версії однакові.",
  summary: (added, removed) => `Додано рядків: ${added}, вилучено: ${removed}`,
};

const render = (before: string, after: string) => renderToStaticMarkup(createElement(DiffView, { before, after, labels }));

describe("DiffView", () => {
  const before = ["# Урок", "", "Соціальний працівник допомагає родині.", "", "Кінець."].join("\n");
  const after = ["# Урок", "", "Соціальна працівниця допомагає родині.", "", "Кінець.", "Новий абзац."].join("\n");

  it("says what changed in words as well as with the +/− signs", () => {
    const html = render(before, after);
    expect(html).toContain("Додано рядків: 2, вилучено: 1");
    expect(html).toContain('<span class="sr-only">додано: </span>');
    expect(html).toContain('<span class="sr-only">вилучено: </span>');
    expect(html).toContain('<span class="sr-only">без змін: </span>');
    expect(html).toMatch(/aria-hidden="true"[^>]*>\+<\/span>/);
    expect(html).toMatch(/aria-hidden="true"[^>]*>−<\/span>/);
    expect(html).toContain("<h3");
    expect(html).toContain("Рядки 1–6");
  });

  it("marks the changed words of a rewritten line with del and ins", () => {
    const html = render(before, after);
    expect(html).toMatch(/<del[^>]*>Соціальний працівник<\/del>/);
    expect(html).toMatch(/<ins[^>]*>Соціальна працівниця<\/ins>/);
    // The added paragraph has no counterpart, so it is a whole added line without word marks.
    expect(html).not.toMatch(/<ins[^>]*>Новий абзац/);
  });

  it("marks changed words in a short line that keeps some of its words", () => {
    const html = render("a\nСоціальний працівник допомагає.\nb", "a\nСоціальна працівниця допомагає.\nb");
    expect(html).toMatch(/<del[^>]*>Соціальний працівник<\/del>/);
    expect(html).toMatch(/<ins[^>]*>Соціальна працівниця<\/ins>/);
  });

  it("does not mark words when a line was rewritten entirely", () => {
    const html = render("Перший варіант тексту", "Зовсім інше речення тут");
    expect(html).not.toContain("<del");
    expect(html).not.toContain("<ins");
  });

  it("numbers hunks by their lines and leaves out far unchanged lines", () => {
    const long = Array.from({ length: 30 }, (_, i) => `рядок ${i + 1}`);
    const changed = long.map((line, i) => (i === 19 ? "змінений рядок" : line));
    const html = render(long.join("\n"), changed.join("\n"));
    expect(html).toContain("Рядки 17–23");
    expect(html).not.toContain("рядок 5<");
  });

  it("says there are no changes when the versions differ only in line endings", () => {
    expect(render("a\r\nb\r\n", "a\nb")).toBe("<p>Версії однакові.</p>");
  });
});
