import { describe, expect, it } from "vitest";
import { itemPatternWarnings, practiceItemsOf, type PatternSource } from "./item-patterns";

const source = (file: string, body: string, locale: "uk" | "en" = "uk"): PatternSource => ({ file, locale, body, bodyLine: 10 });

const tf = (id: string, answer: boolean) => `<TrueFalse id="${id}" statement="Твердження ${id}." answer={${answer}} explanation="Пояснення." />\n`;
/** A Quiz whose options have the given texts; `right` is the index of the right one. */
const quiz = (id: string, texts: string[], right: number) =>
  `<Quiz id="${id}" question="Питання ${id}?">\n${texts
    .map((t, i) => `  <Option ${i === right ? "correct " : ""}explanation="Пояснення.">${t}</Option>\n`)
    .join("")}</Quiz>\n`;
const scenario = (id: string, texts: string[], best: number) =>
  `<Scenario id="${id}" title="Випадок ${id}">\n  <Situation>Клієнтка просить допомоги.</Situation>\n${texts
    .map((t, i) => `  <Choice ${i === best ? "best " : ""}consequence="Наслідок.">${t}</Choice>\n`)
    .join("")}</Scenario>\n`;

const messages = (sources: PatternSource[]) => itemPatternWarnings(sources).map((w) => `${w.file ?? "all content"}: ${w.message}`);
const ids = (sources: PatternSource[], pattern: RegExp) => itemPatternWarnings(sources).find((w) => pattern.test(w.message))?.items.map((i) => i.id);

describe("practiceItemsOf", () => {
  it("reads each item's answer, options and line in the file, inside a guide's steps too", () => {
    const body = [
      "Вступ.\n",
      tf("a", true),
      tf("b", false),
      quiz("q", ["Коротко", "Дещо `довше`  за\n  перше"], 1),
      `<GuideStep id="s1" title="Крок">\n\n${quiz("inner", ["Так", "Ні"], 0)}\n</GuideStep>\n`,
      scenario("sc", ["Перше", "Друге"], 1),
    ].join("\n");
    expect(practiceItemsOf(source("lesson.mdx", body))).toEqual([
      { kind: "TrueFalse", id: "a", line: 12, answer: true },
      { kind: "TrueFalse", id: "b", line: 14, answer: false },
      {
        kind: "Quiz",
        id: "q",
        line: 16,
        options: [
          { length: 7, right: false },
          { length: 19, right: true },
        ],
      },
      {
        kind: "Quiz",
        id: "inner",
        line: 24,
        options: [
          { length: 3, right: true },
          { length: 2, right: false },
        ],
      },
      {
        kind: "Scenario",
        id: "sc",
        line: 31,
        options: [
          { length: 5, right: false },
          { length: 5, right: true },
        ],
      },
    ]);
  });
});

describe("item pattern warnings", () => {
  it("warn when more than 70 % of the corpus's TrueFalse items have one answer, naming those items", () => {
    const eightOfTen = [
      source("one/uk.mdx", tf("a", true) + tf("b", true) + tf("c", false) + tf("d", true)),
      source("two/uk.mdx", tf("e", true) + tf("f", true) + tf("g", false) + tf("h", true)),
      source("three/uk.mdx", tf("i", true) + tf("j", true)),
    ];
    expect(messages(eightOfTen)).toContain(
      "all content: 8 of 10 TrueFalse items (80 %) have answer={true}: aim for about half true and half false; these could become false statements",
    );
    expect(ids(eightOfTen, /TrueFalse items \(/)).toEqual(["a", "b", "d", "e", "f", "h", "i", "j"]);
    // Seven of ten is not more than 70 %; an English translation repeats the answers and is not counted again.
    const sevenOfTen = [
      source("one/uk.mdx", tf("a", true) + tf("b", true) + tf("c", false) + tf("d", true)),
      source("two/uk.mdx", tf("e", true) + tf("f", false) + tf("g", false) + tf("h", true)),
      source("three/uk.mdx", tf("i", true) + tf("j", true)),
      source("three/en.mdx", tf("i", true) + tf("j", true), "en"),
    ];
    expect(messages(sevenOfTen).filter((m) => m.startsWith("all content"))).toEqual([]);
  });

  it("warn about a lesson whose two or more TrueFalse items all have one answer", () => {
    const sources = [
      source("all-false/uk.mdx", tf("a", false) + tf("b", false)),
      source("mixed/uk.mdx", tf("c", true) + tf("d", false) + tf("e", true)),
      source("single/uk.mdx", tf("f", true)),
    ];
    expect(messages(sources)).toEqual(["all-false/uk.mdx: all 2 TrueFalse items have answer={false}: make at least one of them true"]);
    expect(itemPatternWarnings(sources)[0]!.items).toEqual([
      { file: "all-false/uk.mdx", line: 10, id: "a" },
      { file: "all-false/uk.mdx", line: 11, id: "b" },
    ]);
  });

  it("warn about a file where the right option is the longest in more than half of its Quiz and Scenario items", () => {
    const longest = quiz("long", ["Так", "Так, але спершу перевірити", "Ні"], 1);
    const shortest = quiz("short", ["Зателефонувати колезі", "Ні", "Написати в загальний чат"], 1);
    const tie = quiz("tie", ["Ні", "Варіант А", "Варіант Б"], 1);
    const bestLongest = scenario("best", ["Нічого", "Пояснити й допомогти заповнити", "Відмовити"], 1);
    // Two of three (a scenario's best choice counts) → a warning naming those two.
    const warned = source("lesson/uk.mdx", longest + shortest + bestLongest);
    expect(messages([warned])).toEqual([
      "lesson/uk.mdx: the right option is the longest in 2 of 3 Quiz and Scenario items: shorten it or give the other options similar detail",
    ]);
    expect(ids([warned], /longest/)).toEqual(["long", "best"]);
    // One of two is not more than half; a tie for the longest gives nothing away.
    expect(messages([source("half/uk.mdx", longest + shortest), source("tie/uk.mdx", tie)])).toEqual([]);
    // Lengths change with the language: a translation is read on its own.
    expect(messages([source("lesson/en.mdx", longest, "en")])).toEqual([
      "lesson/en.mdx: the right option is the longest in 1 of 1 Quiz and Scenario items: shorten it or give the other options similar detail",
    ]);
  });

  it("warn when the best choice comes first in more than half of the corpus's scenarios", () => {
    const first = (id: string) => scenario(id, ["Пояснити", "Відмовити", "Нічого"], 0);
    const later = (id: string) => scenario(id, ["Відмовити", "Нічого", "Пояснити"], 2);
    const sources = [source("one/uk.mdx", first("a") + later("b")), source("two/uk.mdx", first("c"))];
    expect(messages(sources)).toEqual(["all content: the best choice is the first in 2 of 3 Scenarios (67 %): move it further down in some of these"]);
    expect(itemPatternWarnings(sources)[0]!.items.map((i) => `${i.file}:${i.id}`)).toEqual(["one/uk.mdx:a", "two/uk.mdx:c"]);
    expect(messages([source("one/uk.mdx", first("a") + later("b"))])).toEqual([]);
  });
});
