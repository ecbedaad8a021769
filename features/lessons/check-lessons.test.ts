import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { checkLessons } from "./check-lessons";
import { compileLesson } from "./compile";

const COMPETENCES = new Set(["4.1", "4.2", "SW.3"]);

function lesson(id: string, { frontmatter = "", body = "" }: { frontmatter?: string; body?: string } = {}) {
  return `---
id: ${id}
title: Надійний пароль
summary: Як скласти пароль-фразу, яку легко запам'ятати.
minutes: 4
level: 2
competences: ["4.1"]
tags: [безпека]
updated: 2026-11-23
${frontmatter}---

## Пароль-фраза

Довга фраза з кількох слів надійніша за коротке слово. Див. також [інший урок](lesson:other).

${
  body ||
  `<Quiz id="q1" question="Що надійніше?">
  <Option explanation="Коротке слово легко підібрати.">Kyiv2024</Option>
  <Option correct explanation="Довга фраза надійна.">осінь-яблуко-трамвай</Option>
</Quiz>`
}
`;
}

function contentWith(files: Record<string, string>, tracks?: unknown): string {
  const root = mkdtempSync(join(tmpdir(), "skh-lessons-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, "lessons", path.split("/")[0]!), { recursive: true });
    writeFileSync(join(root, "lessons", path), text);
  }
  const ids = [...new Set(Object.keys(files).map((p) => p.split("/")[0]!))];
  writeFileSync(
    join(root, "tracks.json"),
    JSON.stringify(tracks ?? [{ id: "t", title: { uk: "Т", en: "T" }, description: { uk: "О", en: "D" }, lessons: ids }]),
  );
  return root;
}

const messages = (root: string) =>
  checkLessons(root, COMPETENCES).problems.map((p) => `${p.file.split("/").slice(-2).join("/")}:${p.line}: ${p.field}: ${p.message}`);

describe("content check for lessons", () => {
  it("accepts a well-formed lesson and compiles it with its quiz items", async () => {
    const root = contentWith({ "good/uk.mdx": lesson("good"), "other/uk.mdx": lesson("other") });
    const result = checkLessons(root, COMPETENCES);
    expect(result.problems).toEqual([]);
    const compiled = await compileLesson(result.lessons.find((l) => l.id === "good")!);
    expect(compiled.items.map(({ id, kind }) => ({ id, kind }))).toEqual([{ id: "q1", kind: "Quiz" }]);
    expect(compiled.code).toContain("/lessons/other");
  });

  it("splits a lesson into screens at its second-level headings, with an opening screen only when there is text before them", async () => {
    const body = `Вступ про паролі.

## Друга частина

Текст.

<TrueFalse id="tf" statement="Пароль можна записати на папірці біля монітора." answer={false} explanation="Його побачить кожен." />

## Третя частина

<Quiz id="q2" question="Що надійніше?">
  <Option explanation="Ні.">1234</Option>
  <Option correct explanation="Так.">довга фраза</Option>
</Quiz>`;
    const root = contentWith({ "intro/uk.mdx": lesson("intro", { body }).replace("## Пароль-фраза\n\n", ""), "other/uk.mdx": lesson("other") });
    const { lessons, problems } = checkLessons(root, COMPETENCES);
    expect(problems).toEqual([]);
    const withIntro = await compileLesson(lessons.find((l) => l.id === "intro")!);
    expect(withIntro.steps.map((s) => s.title)).toEqual(["Надійний пароль", "Друга частина", "Третя частина"]);
    expect(withIntro.code).toContain("LessonStep");
    expect(withIntro.items.map((i) => i.id)).toEqual(["tf", "q2"]);

    const straight = await compileLesson(lessons.find((l) => l.id === "other")!);
    expect(straight.steps.map((s) => s.title)).toEqual(["Пароль-фраза"]);
  });

  it("compiles each quiz-like item on its own, without the rest of the lesson, for spaced review", async () => {
    const root = contentWith({ "good/uk.mdx": lesson("good"), "other/uk.mdx": lesson("other") });
    const compiled = await compileLesson(checkLessons(root, COMPETENCES).lessons.find((l) => l.id === "good")!);
    const item = compiled.items[0]!;
    expect(item.code).toContain("Kyiv2024");
    expect(item.code).not.toContain("/lessons/other");
    expect(item.code).not.toContain("LessonStep");
  });

  it("reports bad frontmatter with the line of the field", () => {
    const text = lesson("bad-minutes").replace("minutes: 4", "minutes: 12").replace('competences: ["4.1"]', 'competences: ["9.9"]');
    const out = messages(contentWith({ "bad-minutes/uk.mdx": text, "other/uk.mdx": lesson("other") }));
    expect(out).toContainEqual(expect.stringMatching(/^bad-minutes\/uk\.mdx:5: minutes: .*7/));
  });

  it("reports an unknown competence, an unknown component, a figure without alt text and a broken link", () => {
    const body = `<Video src="x.mp4" />

<Figure src="./a.svg" caption="Екран" />

[куди?](lesson:no-such-lesson)

<TrueFalse id="tf" answer={false} statement="Код із SMS можна казати." explanation="Ні." />`;
    const text = lesson("many", { body }).replace('competences: ["4.1"]', 'competences: ["9.9"]');
    const out = messages(contentWith({ "many/uk.mdx": text, "other/uk.mdx": lesson("other") }));
    expect(out).toContainEqual(expect.stringMatching(/many\/uk\.mdx:\d+: competences: unknown competence "9\.9"/));
    expect(out).toContainEqual(expect.stringMatching(/many\/uk\.mdx:1[0-9]: component: unknown component <Video>/));
    expect(out).toContainEqual(expect.stringMatching(/many\/uk\.mdx:\d+: Figure\.alt: every figure needs alt text/));
    expect(out).toContainEqual(expect.stringMatching(/many\/uk\.mdx:\d+: link: no lesson "no-such-lesson"/));
  });

  it("reports quizzes without a right answer, several right answers without `multiple`, and duplicate ids", () => {
    const body = `<Quiz id="q" question="?">
  <Option explanation="a">A</Option>
  <Option explanation="b">B</Option>
</Quiz>

<Quiz id="q" question="?">
  <Option correct explanation="a">A</Option>
  <Option correct explanation="b">B</Option>
</Quiz>`;
    const out = messages(contentWith({ "quiz/uk.mdx": lesson("quiz", { body }), "other/uk.mdx": lesson("other") }));
    expect(out).toContainEqual(expect.stringMatching(/quiz\/uk\.mdx:\d+: Quiz: no option is marked correct/));
    expect(out).toContainEqual(expect.stringMatching(/quiz\/uk\.mdx:\d+: Quiz: several options are correct/));
    expect(out).toContainEqual(expect.stringMatching(/quiz\/uk\.mdx:\d+: Quiz\.id: duplicate id "q"/));
  });

  it("reports a lesson that is in no track, a track naming a missing lesson, and a missing Ukrainian version", () => {
    const root = contentWith(
      { "a/uk.mdx": lesson("a").replace("](lesson:other)", "](lesson:a)"), "b/en.mdx": lesson("b").replace("](lesson:other)", "](lesson:a)") },
      [{ id: "t", title: { uk: "Т", en: "T" }, description: { uk: "О", en: "D" }, lessons: ["ghost"] }],
    );
    const out = messages(root);
    expect(out).toContainEqual(expect.stringMatching(/tracks\.json:\d+: t\.lessons: no lesson "ghost"/));
    expect(out).toContainEqual(expect.stringMatching(/tracks\.json:1: lessons: lesson "a" is in no track/));
    expect(out).toContainEqual(expect.stringMatching(/lessons\/b:1: uk\.mdx: every lesson needs a Ukrainian version/));
  });

  it("a lesson whose MDX does not compile fails at compile time, with a location", async () => {
    const root = contentWith({
      "broken/uk.mdx": lesson("broken", { body: `<Quiz id="q" question="?">\n  <Option correct explanation="x">A\n</Quiz>` }),
      "other/uk.mdx": lesson("other"),
    });
    const result = checkLessons(root, COMPETENCES);
    const broken = result.lessons.find((l) => l.id === "broken")!;
    const error = await compileLesson(broken).then(
      () => null,
      (e: unknown) => e as { errors?: { location?: { line: number } }[] },
    );
    expect(error).not.toBeNull();
    expect(error?.errors?.[0]?.location?.line).toBeGreaterThan(0);
  });
});
