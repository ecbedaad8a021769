import type { ComponentProps } from "react";
import type { Checklist, Choice, Item, Option, Quiz, Scenario, Situation, TrueFalse } from "../lessons/components/interactive";
import type { Callout, Figure, KeyTerm, Step, Steps } from "../lessons/components/static";
import { LESSON_COMPONENTS } from "../lessons/schemas";
import type { Expect, Hotspot, Mistake, Mistakes, TellClient, playerGuideStep } from "../walkthroughs/components/guide";
import { WALKTHROUGH_COMPONENTS } from "../walkthroughs/schemas";

/**
 * What an attribute of an allowlisted component may hold. Every value is a literal written in the
 * document; nothing is evaluated (decision 028).
 * - text: a string in quotes ("…"), at most MAX_ATTRIBUTE_CHARS characters.
 * - id: a string of lowercase letters, digits and hyphens (quiz items, steps: progress and review follow it).
 * - number: `{12}` or `"12"`.
 * - boolean: the bare name (`correct`), `{true}` or `{false}`.
 * - image: an address inside the app (relative: `./screen.svg`, `/files/…`), never another site
 *   (the pages' CSP allows images from the app's origin only, and a foreign image would tell a
 *   third party who reads the lesson).
 * - choice: one of the listed strings.
 */
export type AttributeSpec =
  { type: "text" | "id" | "number" | "boolean" | "image"; required?: true } | { type: "choice"; values: readonly string[]; required?: true };

export const MAX_ATTRIBUTE_CHARS = 2_000;

const text = { type: "text" } as const;
const requiredText = { type: "text", required: true } as const;
const requiredId = { type: "id", required: true } as const;
const flag = { type: "boolean" } as const;
const number = { type: "number" } as const;
const requiredNumber = { type: "number", required: true } as const;

/**
 * The components an author may use and the attributes each takes: the props of the components in
 * features/lessons/components and features/walkthroughs/components that an author writes (the
 * rest, like Callout's label or GuideStep's `wide`, the app fills in). The types below make tsc
 * fail when a listed attribute is not a prop of its component, or a component of
 * LESSON_COMPONENTS / WALKTHROUGH_COMPONENTS has no entry.
 */
export const COMPONENT_ATTRIBUTES = {
  Quiz: { id: requiredId, question: requiredText, multiple: flag },
  Option: { correct: flag, explanation: requiredText },
  TrueFalse: { id: requiredId, statement: requiredText, answer: { type: "boolean", required: true }, explanation: requiredText },
  Scenario: { id: requiredId, title: requiredText },
  Situation: {},
  Choice: { best: flag, consequence: requiredText },
  Steps: {},
  Step: { title: requiredText },
  Figure: { src: { type: "image", required: true }, alt: requiredText, caption: text },
  Callout: { type: { type: "choice", values: ["tip", "warning", "privacy"], required: true }, title: text },
  KeyTerm: { term: requiredText, definition: requiredText },
  Checklist: { id: requiredId, title: requiredText },
  Item: {},
  GuideStep: { id: requiredId, title: requiredText, screen: { type: "image", required: true }, alt: requiredText },
  // bx and by are required by the walkthrough rule, which says where the badge could go.
  Hotspot: { n: requiredNumber, x: requiredNumber, y: requiredNumber, bx: number, by: number },
  Expect: {},
  Mistakes: {},
  Mistake: {},
  TellClient: {},
} as const satisfies Record<string, Record<string, AttributeSpec>>;

export type ComponentName = keyof typeof COMPONENT_ATTRIBUTES;

/** Methodology notes: longer prose, so the static components only (no quiz items, no progress). */
export const NOTE_COMPONENTS = ["Callout", "KeyTerm", "Steps", "Step", "Figure"] as const satisfies readonly ComponentName[];

export const MDX_KINDS = ["lesson", "walkthrough", "note"] as const;
export type MdxKind = (typeof MDX_KINDS)[number];

/** The components each kind may use: the lists content:check already enforces for content/. */
export const COMPONENTS_BY_KIND: Record<MdxKind, readonly ComponentName[]> = {
  lesson: LESSON_COMPONENTS,
  walkthrough: WALKTHROUGH_COMPONENTS,
  note: NOTE_COMPONENTS,
};

// ---- compile-time agreement with the components and the content rules ----

type Components = {
  Quiz: typeof Quiz;
  Option: typeof Option;
  TrueFalse: typeof TrueFalse;
  Scenario: typeof Scenario;
  Situation: typeof Situation;
  Choice: typeof Choice;
  Steps: typeof Steps;
  Step: typeof Step;
  Figure: typeof Figure;
  Callout: typeof Callout;
  KeyTerm: typeof KeyTerm;
  Checklist: typeof Checklist;
  Item: typeof Item;
  GuideStep: ReturnType<typeof playerGuideStep>;
  Hotspot: typeof Hotspot;
  Expect: typeof Expect;
  Mistakes: typeof Mistakes;
  Mistake: typeof Mistake;
  TellClient: typeof TellClient;
};
type NotAProp = { [K in ComponentName]: Exclude<keyof (typeof COMPONENT_ATTRIBUTES)[K], keyof ComponentProps<Components[K]>> }[ComponentName];
type Unlisted = Exclude<(typeof LESSON_COMPONENTS)[number] | (typeof WALKTHROUGH_COMPONENTS)[number], ComponentName>;
/** `never` when every listed attribute is a prop and every component of the content rules is listed. */
export type AllowlistMismatch = NotAProp | Unlisted;
type MustHold<T extends true> = T;
/** Fails to compile (naming nothing more) when the allowlist and the components disagree: see AllowlistMismatch. */
export type AllowlistAgrees = MustHold<[AllowlistMismatch] extends [never] ? true : false>;
