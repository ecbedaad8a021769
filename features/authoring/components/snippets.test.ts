import { describe, expect, it } from "vitest";
import { LESSON_FRONTMATTER, WALKTHROUGH_FRONTMATTER } from "../../../tests/fixtures/malicious-mdx";
import { COMPONENTS_BY_KIND, MDX_KINDS, type MdxKind } from "../allowlist";
import { checkMdx, type CheckContext } from "../safe-mdx";
import { insertionFor } from "./editor-logic";
import { snippetsFor, type Snippet, type SnippetKey } from "./snippets";

const context: CheckContext = {
  locale: "uk",
  competenceIds: new Set(["4.1"]),
  lessonIds: new Set(),
  // Every screen a snippet names is taken as uploaded: the check of the screen itself is not the snippet's.
  readScreen: () => ({ text: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 720"><rect width="360" height="720"/></svg>', bytes: 100 }),
};

const quiz = `<Quiz id="basics" question="Чи можна надсилати фото паспорта клієнта у Viber?">
  <Option explanation="Месенджер зберігає копії на чужих пристроях.">Так</Option>
  <Option correct explanation="Документи передають лише захищеним каналом.">Ні</Option>
</Quiz>
`;

const guideStep = (
  id: string,
  tellsClient: boolean,
) => `<GuideStep id="${id}" title="Відкрийте застосунок" screen="./${id}.svg" alt="Головний екран застосунку з кнопкою «Увійти» внизу.">
  <Hotspot n={1} x={50} y={88} bx={50} by={80}>Кнопка «Увійти»</Hotspot>

Натисніть **Увійти** (1).

  <Expect>Відкриється вибір способу входу.</Expect>
  <Mistakes>
    <Mistake>Натискають кілька разів поспіль.</Mistake>
  </Mistakes>
${tellsClient ? "  <TellClient>«Натискаєте ви, а я підказую.»</TellClient>\n" : ""}</GuideStep>
`;

/** The smallest document of each kind that passes checkMdx with no problem at all. */
function minimalDocument(kind: MdxKind, audience: "client" | "worker" = "worker"): string {
  if (kind === "lesson") return `${LESSON_FRONTMATTER}Вступ до уроку.\n\n${quiz}`;
  if (kind === "note") return "Вступ до нотатки.\n";
  const tells = audience === "client";
  return `${WALKTHROUGH_FRONTMATTER.replace("audience: worker", `audience: ${audience}`)}Для чого цей гід.\n\n${guideStep("open", tells)}\n${guideStep("sign-in", tells)}\n${quiz}`;
}

/** Snippets that belong inside a step of a guide. */
const IN_STEP = new Set<SnippetKey>(["hotspot", "expect", "mistakes", "tellClient"]);

/** Where the test puts the caret for a snippet: in a step for the step's parts, else at the end or inside the opening paragraph. */
function caretFor(kind: MdxKind, text: string, key: SnippetKey, where: "end" | "prose"): number {
  if (kind === "walkthrough" && IN_STEP.has(key)) return text.indexOf("</GuideStep>");
  if (where === "end") return text.length;
  // Three letters into the first paragraph of the body: a block there splits a word, and must still read.
  return (kind === "note" ? 0 : text.indexOf("\n---\n") + "\n---\n".length) + 3;
}

function insert(text: string, caret: number, snippet: Snippet): string {
  const { text: inserted } = insertionFor(text, caret, caret, snippet);
  return `${text.slice(0, caret)}${inserted}${text.slice(caret)}`;
}

const cases = [
  ["lesson", "worker"],
  ["note", "worker"],
  ["walkthrough", "worker"],
  ["walkthrough", "client"],
] as const;

describe("the palette's snippets", () => {
  it.each(cases)("start from a %s (%s) document that passes the check", (kind, audience) => {
    expect(checkMdx(kind, minimalDocument(kind, audience), context).problems).toEqual([]);
  });

  it.each(cases)("of a %s (%s guide) use only the kind's components, and say which", (kind, audience) => {
    const allowed = new Set<string>(COMPONENTS_BY_KIND[kind]);
    for (const snippet of snippetsFor(kind, minimalDocument(kind, audience), 0)) {
      const used = [...new Set([...snippet.text.matchAll(/<([A-Z]\w*)/g)].map((m) => m[1]!))];
      expect(used.sort(), snippet.key).toEqual([...snippet.components].sort());
      for (const name of used) expect(allowed.has(name), `${snippet.key}: ${name}`).toBe(true);
    }
  });

  it.each(MDX_KINDS)("offer every component a %s may use", (kind) => {
    const offered = new Set(snippetsFor(kind, minimalDocument(kind, "client"), 0).flatMap((s) => s.components));
    expect([...COMPONENTS_BY_KIND[kind]].filter((name) => !offered.has(name))).toEqual([]);
  });

  it("leave TellClient out of a worker's guide, where content:check refuses it", () => {
    const worker = snippetsFor("walkthrough", minimalDocument("walkthrough", "worker"), 0);
    expect(worker.map((s) => s.key)).not.toContain("tellClient");
    expect(worker.find((s) => s.key === "guideStep")?.text).not.toContain("TellClient");
    expect(snippetsFor("walkthrough", minimalDocument("walkthrough", "client"), 0).map((s) => s.key)).toContain("tellClient");
  });

  it.each(cases.flatMap(([kind, audience]) => (["end", "prose"] as const).map((where) => [kind, audience, where] as const)))(
    "inserted each twice into a %s (%s), at the %s, leave a document with no problem at all",
    (kind, audience, where) => {
      let text = minimalDocument(kind, audience);
      const keys = snippetsFor(kind, text, 0).map((s) => s.key);
      for (const round of [1, 2]) {
        for (const key of keys) {
          const caret = caretFor(kind, text, key, where);
          // Recomputed for the text as it now stands, as the editor does on each click: new ids, the next hotspot number.
          const snippet = snippetsFor(kind, text, caret).find((s) => s.key === key)!;
          text = insert(text, caret, snippet);
          expect(checkMdx(kind, text, context).problems, `${key}, round ${round}:\n${text}`).toEqual([]);
        }
      }
    },
  );

  it("place a mark's numbered badge beside its target (bx, by), clear of the step's other badges", () => {
    const text = minimalDocument("walkthrough", "client");
    const caret = text.indexOf("</GuideStep>");
    const hotspot = snippetsFor("walkthrough", text, caret).find((s) => s.key === "hotspot")!;
    expect(hotspot.text).toMatch(/^<Hotspot n=\{2\} x=\{50\} y=\{50\} bx=\{\d+\} by=\{\d+\}>Що тут<\/Hotspot>$/);
    const next = insert(text, caret, hotspot);
    const again = snippetsFor("walkthrough", next, next.indexOf("</GuideStep>")).find((s) => s.key === "hotspot")!;
    const badge = (t: string) => /bx=\{(\d+)\} by=\{(\d+)\}/.exec(t)!.slice(1).join(",");
    expect(badge(again.text)).not.toBe(badge(hotspot.text));
    expect(snippetsFor("walkthrough", text, 0).find((s) => s.key === "guideStep")!.text).toMatch(/<Hotspot n=\{1\} x=\{50\} y=\{50\} bx=\{\d+\} by=\{\d+\}>/);
  });

  it("give a second Quiz, Scenario, Checklist or step an id of its own", () => {
    let text = minimalDocument("lesson");
    for (const key of ["quiz", "quiz", "scenario", "scenario", "checklist", "checklist", "trueFalse", "trueFalse"] as const) {
      text = insert(
        text,
        text.length,
        snippetsFor("lesson", text, text.length).find((s) => s.key === key)!,
      );
    }
    const ids = [...text.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["basics", "quiz-1", "quiz-2", "scenario-1", "scenario-2", "checklist-1", "checklist-2", "true-false-1", "true-false-2"]);
  });

  it("select a placeholder of the snippet after insertion, so typing replaces it", () => {
    for (const kind of MDX_KINDS) {
      const text = minimalDocument(kind, "client");
      for (const snippet of snippetsFor(kind, text, text.length)) {
        const insertion = insertionFor(text, text.length, text.length, snippet);
        const after = `${text}${insertion.text}`;
        expect(after.slice(insertion.selectStart, insertion.selectEnd), snippet.key).toBe(snippet.select);
        expect(snippet.select?.length, snippet.key).toBeGreaterThan(0);
      }
    }
  });
});
