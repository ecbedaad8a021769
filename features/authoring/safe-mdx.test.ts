import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "use-intl";
import { bundleMDX } from "mdx-bundler";
import { beforeEach, describe, expect, it, vi } from "vitest";
import en from "../../messages/en.json";
import uk from "../../messages/uk.json";
import { LESSON_FRONTMATTER, MALICIOUS_CORPUS, WALKTHROUGH_FRONTMATTER } from "../../tests/fixtures/malicious-mdx";
import { getFramework } from "../competences/server/framework";
import { compileChecked } from "./compile-checked";
import { checkMdx, isCheckedMdx, isSafeImageUrl, isSafeLinkUrl, MAX_DOCUMENT_BYTES, type CheckContext, type CheckedMdx } from "./safe-mdx";

// Every compile goes through mdx-bundler's bundleMDX: counting its calls shows what reached the compiler.
vi.mock("mdx-bundler", async (importOriginal) => {
  const original = await importOriginal<typeof import("mdx-bundler")>();
  return { ...original, bundleMDX: vi.fn(original.bundleMDX) };
});
const compilerCalls = () => vi.mocked(bundleMDX).mock.calls.length;

const context: CheckContext = { locale: "uk", competenceIds: new Set(["4.1", "4.2"]), lessonIds: new Set(["strong-passwords"]) };
const quiz = `<Quiz id="ok" question="Чи безпечно?">
  <Option correct explanation="Так.">Так</Option>
  <Option explanation="Ні.">Ні</Option>
</Quiz>
`;

describe("the malicious corpus", () => {
  beforeEach(() => {
    vi.mocked(bundleMDX).mockClear();
  });

  it("has at least 30 documents", () => {
    expect(MALICIOUS_CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MALICIOUS_CORPUS.map((c) => [c.name, c] as const))("refuses %s, at its line and column, with a message in both languages", (_name, c) => {
    // Checked twice: a parser's cache must not change the second answer (gray-matter caches by text).
    checkMdx(c.kind, c.text, context);
    const result = checkMdx(c.kind, c.text, context);
    expect(result.isSafe).toBe(false);
    expect(result.checked).toBeNull();
    const first = result.problems.find((p) => p.severity === "unsafe");
    expect(first).toMatchObject({ code: c.code, line: c.line, column: c.column, messageKey: `authoring.mdx.${c.code}` });
    for (const messages of [uk, en]) {
      const t = createTranslator({ locale: messages === uk ? "uk" : "en", messages });
      const text = t(first!.messageKey, first!.params);
      expect(text).not.toContain("authoring.mdx");
      for (const value of Object.values(first!.params)) expect(text).toContain(String(value));
    }
  });

  it("lets none of them reach the compiler, not even as a forged CheckedMdx", async () => {
    for (const c of MALICIOUS_CORPUS) {
      const result = checkMdx(c.kind, c.text, context);
      if (result.checked) await compileChecked(result.checked);
      // A caller that casts its way past the type is stopped at run time.
      const forged = { kind: c.kind, locale: "uk", text: c.text, contentHash: "0".repeat(64), source: { body: c.text, text: c.text, locale: "uk" } };
      await expect(compileChecked(forged as unknown as CheckedMdx)).rejects.toThrow(/checkMdx/);
    }
    expect(compilerCalls()).toBe(0);
  });
});

describe("documents that pass", () => {
  const competenceIds = new Set(getFramework().competences.map((c) => c.id));
  const lessonIds = new Set(readdirSync("content/lessons"));
  const contentFiles = (kind: "lessons" | "walkthroughs") =>
    readdirSync(join("content", kind)).flatMap((id) =>
      (["uk", "en"] as const).filter((locale) => existsSync(join("content", kind, id, `${locale}.mdx`))).map((locale) => ({ id, locale, kind })),
    );

  it.each([...contentFiles("lessons"), ...contentFiles("walkthroughs")].map((f) => [`${f.kind}/${f.id}/${f.locale}.mdx`, f] as const))(
    "accepts content/%s as it stands: the allowlist is no narrower than the built-in content",
    (_file, { id, locale, kind }) => {
      const folder = join("content", kind, id);
      const readScreen = (screen: string) => {
        const file = join(folder, screen.slice(2));
        return existsSync(file) ? { text: readFileSync(file, "utf8"), bytes: statSync(file).size } : null;
      };
      const result = checkMdx(kind === "lessons" ? "lesson" : "walkthrough", readFileSync(join(folder, `${locale}.mdx`), "utf8"), {
        locale,
        competenceIds,
        lessonIds,
        readScreen,
      });
      expect(result.problems).toEqual([]);
      expect(isCheckedMdx(result.checked)).toBe(true);
    },
  );

  it("accepts literal attribute values: bare flags, {true}/{false}, numbers in braces or quotes", () => {
    const body = `Вступ.

<Quiz id="many" multiple question="Що з цього безпечно?">
  <Option correct={true} explanation="Так.">Пароль-фраза</Option>
  <Option correct explanation="Так.">Менеджер паролів</Option>
  <Option correct={false} explanation="Ні.">Папірець</Option>
</Quiz>

<TrueFalse id="tf" answer={false} statement="Код із SMS можна казати банку." explanation="Код не просить ніхто." />

Див. [урок](lesson:strong-passwords), [сайт](https://cert.gov.ua/) і [розділ](#kroky).
`;
    const result = checkMdx("lesson", `${LESSON_FRONTMATTER}${body}`, context);
    expect(result.problems).toEqual([]);
    expect(result.checked?.source.frontmatter.id).toBe("safe-mdx-probe");
  });

  it("accepts a methodology note with the static components, a relative figure and links", () => {
    const note = `## Порядок у громаді

<Callout type="privacy" title="Дані клієнтів">Не фотографуйте документи на особистий телефон.</Callout>

<Steps>
  <Step title="Зареєструйте звернення">У журналі центру.</Step>
</Steps>

<Figure src="./scheme.svg" alt="Схема маршруту звернення" caption="Маршрут" />

Докладніше — в уроці [про паролі](lesson:strong-passwords) і на [сайті](https://www.msp.gov.ua/).
`;
    const result = checkMdx("note", note, context);
    expect(result.problems).toEqual([]);
    expect(result.checked?.kind).toBe("note");
  });

  it("freezes what it checked, so the text cannot change between the check and the compiler", () => {
    const { checked } = checkMdx("note", "Текст нотатки.\n", context);
    expect(isCheckedMdx(checked)).toBe(true);
    expect(() => {
      (checked as { text: string }).text = "{process.exit(1)}";
    }).toThrow(TypeError);
    expect(() => {
      (checked!.source as { body: string }).body = "{process.exit(1)}";
    }).toThrow(TypeError);
    expect(isCheckedMdx({ ...checked })).toBe(false);
  });
});

describe("content:check's rules on one document", () => {
  it("reports them at their line and column, as content problems that leave the text safe to keep as a draft", () => {
    const body = `Вступ.

<Quiz id="no-answer" question="Питання?">
  <Option explanation="Ні.">А</Option>
  <Option explanation="Ні.">Б</Option>
</Quiz>

Див. [урок](lesson:no-such-lesson).
`;
    const result = checkMdx("lesson", `${LESSON_FRONTMATTER}${body}`, context);
    expect(result.isSafe).toBe(true);
    expect(result.checked).toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "contentRule",
        severity: "content",
        line: 12,
        column: 1,
        params: { field: "Quiz", message: "no option is marked correct" },
      }),
      expect.objectContaining({ code: "contentRule", severity: "content", line: 17, params: { field: "link", message: 'no lesson "no-such-lesson"' } }),
    ]);
  });

  it("reports frontmatter that does not fit at the field's line", () => {
    const result = checkMdx("lesson", `${LESSON_FRONTMATTER.replace("minutes: 3", "minutes: 30")}\n${quiz}`, context);
    expect(result.problems).toEqual([expect.objectContaining({ code: "contentRule", line: 5, params: expect.objectContaining({ field: "minutes" }) })]);
  });

  it("applies a walkthrough's rules, with its screens read through the context", () => {
    const body = `Гід для перевірки.

<GuideStep id="first" title="Перший крок" screen="./first.svg" alt="Екран застосунку з кнопкою входу">
  <Hotspot n={1} x={50} y={120}>Кнопка</Hotspot>

Натисніть (1).

  <Expect>Відкриється вхід.</Expect>
  <Mistakes>
    <Mistake>Натискають двічі.</Mistake>
  </Mistakes>
</GuideStep>
`;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 720"><rect width="360" height="720"/></svg>';
    const result = checkMdx("walkthrough", `${WALKTHROUGH_FRONTMATTER}${body}`, {
      ...context,
      readScreen: (s) => (s === "./first.svg" ? { text: svg, bytes: svg.length } : null),
    });
    expect(result.isSafe).toBe(true);
    const fields = result.problems.map((p) => `${p.line}:${p.column} ${p.params.field}`);
    expect(fields).toEqual(["15:1 Quiz", "15:1 GuideStep", "17:1 GuideStep[first].Hotspot"]);
  });
});

describe("addresses", () => {
  it.each(["https://diia.gov.ua/", "http://example.org/a?b=c#d", "/lessons/x", "./x", "#section", "?q=1", "lesson:strong-passwords", "//cdn.example/x"])(
    "lets a link go to %s",
    (url) => {
      expect(isSafeLinkUrl(url)).toBe(true);
    },
  );
  it.each([
    "javascript:alert(1)",
    " JAVASCRIPT:x",
    "java\nscript:x",
    "&#x6A;avascript:x",
    "data:text/html,x",
    "vbscript:x",
    "mailto:x@y",
    "lesson:A B",
    "/\\evil",
  ])("refuses a link to %j", (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });
  it.each(["./a.svg", "/files/a.png", "a.png"])("takes an image from %s", (url) => expect(isSafeImageUrl(url)).toBe(true));
  it.each(["https://x.example/a.png", "//x.example/a.png", "data:image/png;base64,AA", "", "javascript:x"])("refuses an image from %j", (url) =>
    expect(isSafeImageUrl(url)).toBe(false),
  );

  it("refuses a document over the byte limit before parsing it", () => {
    const result = checkMdx("note", "я".repeat(MAX_DOCUMENT_BYTES / 2 + 1), context);
    expect(result.problems).toEqual([expect.objectContaining({ code: "tooLarge", line: 1, column: 1 })]);
  });
});
