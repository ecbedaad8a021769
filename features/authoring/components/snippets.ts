import type { ComponentName, MdxKind } from "../allowlist";
import { audienceOf, badgeForNewMark, marksAround, nextHotspotNumber, uniqueId, type Insertable } from "./editor-logic";

/**
 * Ready snippets of the allowlisted components for the editor's palette. Their text is part of the
 * document, so it is written in the language of the documents (Ukrainian), as instructions the
 * author replaces; the palette's own labels are in messages/*.json (`authoring.editor.snippets.*`).
 * Attribute values are the literals `checkMdx` accepts (decision 028): text in quotes without `"`,
 * kebab-case ids, bare flags, numbers in braces.
 *
 * The component names are written here, not read from COMPONENTS_BY_KIND at run time: that module
 * pulls the content schemas (zod) into the page's script. snippets.test.ts holds each snippet to
 * COMPONENTS_BY_KIND and runs it through checkMdx instead.
 */
export const SNIPPET_KEYS = [
  "section",
  "quiz",
  "trueFalse",
  "scenario",
  "steps",
  "checklist",
  "guideStep",
  "hotspot",
  "expect",
  "mistakes",
  "tellClient",
  "calloutTip",
  "calloutWarning",
  "calloutPrivacy",
  "keyTerm",
  "figure",
] as const;
export type SnippetKey = (typeof SNIPPET_KEYS)[number];

export type Snippet = Insertable & { key: SnippetKey; components: readonly ComponentName[] };

/** The palette of each kind, in the order an author reaches for them. */
const PALETTE: Record<MdxKind, readonly SnippetKey[]> = {
  lesson: ["section", "quiz", "trueFalse", "scenario", "steps", "calloutTip", "calloutWarning", "calloutPrivacy", "keyTerm", "checklist", "figure"],
  walkthrough: ["guideStep", "hotspot", "expect", "mistakes", "tellClient", "calloutTip", "calloutWarning", "calloutPrivacy", "keyTerm", "quiz", "trueFalse"],
  note: ["section", "calloutTip", "calloutWarning", "calloutPrivacy", "keyTerm", "steps", "figure"],
};

/** The placeholder of a mark's label, also used by the screen-mark picker. */
export const HOTSPOT_LABEL = "Що тут";

/** A mark: its target (x, y) and its numbered badge beside it (bx, by), in percent of the screen. */
export function hotspotText(n: number, x: number, y: number, badge: { bx: number; by: number }): string {
  return `<Hotspot n={${n}} x={${x}} y={${y}} bx={${badge.bx}} by={${badge.by}}>${HOTSPOT_LABEL}</Hotspot>`;
}

/** A new mark in the middle of the screen, its badge beside it clear of the step's other marks. */
function centredHotspot(text: string, cursor: number): string {
  const n = nextHotspotNumber(text, cursor);
  return hotspotText(n, 50, 50, badgeForNewMark(marksAround(text, cursor), { n, x: 50, y: 50 }));
}

const mistakes = `<Mistakes>
  <Mistake>Типова помилка на цьому кроці — і як її уникнути.</Mistake>
</Mistakes>`;
const tellClient = "<TellClient>«Що сказати клієнтові своїми словами на цьому кроці.»</TellClient>";

function snippetOf(key: SnippetKey, text: string, cursor: number, isWorkerGuide: boolean): Snippet {
  switch (key) {
    case "section":
      return { key, components: [], placement: "block", text: "## Назва розділу", select: "Назва розділу" };
    case "quiz": {
      const question = "Питання, яке перевіряє головну думку розділу";
      return {
        key,
        components: ["Quiz", "Option"],
        placement: "block",
        select: question,
        text: `<Quiz id="${uniqueId("quiz", text)}" question="${question}">
  <Option correct explanation="Чому ця відповідь правильна.">Правильна відповідь</Option>
  <Option explanation="Чому ця відповідь хибна і як буде правильно.">Поширена хибна відповідь</Option>
</Quiz>`,
      };
    }
    case "trueFalse": {
      const statement = "Твердження про ситуацію з роботи, яке людина оцінить: правда чи ні";
      return {
        key,
        components: ["TrueFalse"],
        placement: "block",
        select: statement,
        text: `<TrueFalse id="${uniqueId("true-false", text)}" answer={true} statement="${statement}" explanation="Чому це так. Якщо твердження хибне, замініть true на false в answer і поясніть чому." />`,
      };
    }
    case "scenario": {
      const title = "Коротка назва випадку";
      return {
        key,
        components: ["Scenario", "Situation", "Choice"],
        placement: "block",
        select: title,
        text: `<Scenario id="${uniqueId("scenario", text)}" title="${title}">
  <Situation>Опишіть ситуацію з роботи без справжніх імен і даних клієнтів.</Situation>
  <Choice best consequence="Що станеться, якщо вчинити так, і чому це найкращий вибір.">Найкращий спосіб діяти</Choice>
  <Choice consequence="Що піде не так, якщо вчинити так.">Поширений, але хибний спосіб</Choice>
</Scenario>`,
      };
    }
    case "steps":
      return {
        key,
        components: ["Steps", "Step"],
        placement: "block",
        select: "Перша дія",
        text: `<Steps>
  <Step title="Перша дія">Що саме зробити і де це знайти.</Step>
  <Step title="Друга дія">Що зробити далі.</Step>
</Steps>`,
      };
    case "checklist": {
      const title = "Назва переліку";
      return {
        key,
        components: ["Checklist", "Item"],
        placement: "block",
        select: title,
        text: `<Checklist id="${uniqueId("checklist", text)}" title="${title}">
  <Item>Перший пункт, який людина позначить.</Item>
  <Item>Другий пункт.</Item>
</Checklist>`,
      };
    }
    case "guideStep": {
      const id = uniqueId("step", text);
      const title = "Що людина робить на цьому кроці";
      return {
        key,
        components: isWorkerGuide
          ? ["GuideStep", "Hotspot", "Expect", "Mistakes", "Mistake"]
          : ["GuideStep", "Hotspot", "Expect", "Mistakes", "Mistake", "TellClient"],
        placement: "block",
        select: title,
        text: `<GuideStep id="${id}" title="${title}" screen="./${id}.svg" alt="Що видно на екрані: заголовок, головні кнопки й поля — для тих, хто не бачить малюнка">
  ${hotspotText(1, 50, 50, badgeForNewMark([], { n: 1, x: 50, y: 50 }))}

Що натиснути чи заповнити, з посиланням на позначку (1).

  <Expect>Що людина побачить після цього кроку.</Expect>
${mistakes.replace(/^/gm, "  ")}${isWorkerGuide ? "" : `\n  ${tellClient}`}
</GuideStep>`,
      };
    }
    case "hotspot":
      return { key, components: ["Hotspot"], placement: "line", select: HOTSPOT_LABEL, text: centredHotspot(text, cursor) };
    case "expect":
      return {
        key,
        components: ["Expect"],
        placement: "block",
        select: "Що людина побачить після цього кроку.",
        text: "<Expect>Що людина побачить після цього кроку.</Expect>",
      };
    case "mistakes":
      return { key, components: ["Mistakes", "Mistake"], placement: "block", select: "Типова помилка на цьому кроці — і як її уникнути.", text: mistakes };
    case "tellClient":
      return { key, components: ["TellClient"], placement: "block", select: "Що сказати клієнтові своїми словами на цьому кроці.", text: tellClient };
    case "calloutTip":
      return {
        key,
        components: ["Callout"],
        placement: "block",
        select: "Коротка практична порада.",
        text: '<Callout type="tip" title="Порада">Коротка практична порада.</Callout>',
      };
    case "calloutWarning":
      return {
        key,
        components: ["Callout"],
        placement: "block",
        select: "Про що важливо не забути, щоб не нашкодити.",
        text: '<Callout type="warning" title="Увага">Про що важливо не забути, щоб не нашкодити.</Callout>',
      };
    case "calloutPrivacy":
      return {
        key,
        components: ["Callout"],
        placement: "block",
        select: "Як тут захистити персональні дані клієнта.",
        text: '<Callout type="privacy" title="Дані клієнта">Як тут захистити персональні дані клієнта.</Callout>',
      };
    case "keyTerm":
      return {
        key,
        components: ["KeyTerm"],
        placement: "inline",
        select: "Термін",
        text: '<KeyTerm term="Термін" definition="Що він означає, простими словами, одним реченням.">термін</KeyTerm>',
      };
    case "figure":
      return {
        key,
        components: ["Figure"],
        placement: "block",
        select: "Що зображено на малюнку",
        text: '<Figure src="./figure.svg" alt="Що зображено на малюнку — для тих, хто його не бачить" caption="Підпис під малюнком (можна прибрати)" />',
      };
  }
}

/**
 * The snippets of a kind for a document and a caret: ids that the text does not use yet, the next
 * hotspot number of the step, and no TellClient in a guide whose frontmatter says `audience: worker`
 * (content:check refuses it there).
 */
export function snippetsFor(kind: MdxKind, text: string, cursor: number): Snippet[] {
  const isWorkerGuide = kind === "walkthrough" && audienceOf(text) === "worker";
  return paletteKeys(kind, text).map((key) => snippetOf(key, text, cursor, isWorkerGuide));
}

/** The keys of snippetsFor alone: cheap enough to ask on every keystroke (it reads the frontmatter only). */
export function paletteKeys(kind: MdxKind, text: string): SnippetKey[] {
  const isWorkerGuide = kind === "walkthrough" && audienceOf(text) === "worker";
  return PALETTE[kind].filter((key) => !(isWorkerGuide && key === "tellClient"));
}
