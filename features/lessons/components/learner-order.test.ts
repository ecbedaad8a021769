import { Children, createElement, isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getMDXComponent } from "mdx-bundler/client";
import { beforeAll, describe, expect, it } from "vitest";
import { seededOrder } from "@/lib/seeded-order";
import { compileMdx } from "../compile";
import { Choice, Option, Situation, TrueFalse } from "./interactive";
import { inLearnerOrder, itemOrderSeed, learnerOrderComponents, type LearnerOrder } from "./learner-order";

// A .test.ts file (the suite collects no .tsx), so elements are created without JSX.

const OPTIONS = ["Вимкнути монітор", "Заблокувати екран клавішами Win+L", "Закрити вікно браузера", "Нічого: у кабінеті лише колеги"];
const CHOICES = ["Продиктувати код з SMS", "Покласти слухавку й передзвонити на гарячу лінію банку", "Попросити перезвонити пізніше"];

const MDX = `
<Quiz id="leave-computer" question="Що зробити, відходячи від спільного комп'ютера?">
  <Option explanation="Монітор вмикається однією кнопкою.">${OPTIONS[0]}</Option>
  <Option correct explanation="Заблокований екран відкриє лише той, хто знає пароль.">${OPTIONS[1]}</Option>
  <Option explanation="Пошта й кабінети лишаються відкритими в інших вікнах.">${OPTIONS[2]}</Option>
  <Option explanation="Комп'ютером користуються й відвідувачі.">${OPTIONS[3]}</Option>
</Quiz>

<Scenario id="bank-call" title="Дзвінок «з банку»">
  <Situation>Клієнтці телефонують нібито з банку й просять код із SMS.</Situation>
  <Choice consequence="Код відкриває шахраям доступ до картки.">${CHOICES[0]}</Choice>
  <Choice best consequence="Номер із картки веде до справжнього банку.">${CHOICES[1]}</Choice>
  <Choice consequence="Шахраї подзвонять знову з тим самим проханням.">${CHOICES[2]}</Choice>
</Scenario>

<TrueFalse id="sms-code" statement="Працівник банку може попросити код із SMS." answer={false} explanation="Банк ніколи не просить коди." />
`;

let code = "";
beforeAll(async () => {
  code = await compileMdx(MDX);
});

/** The page the server renders for one person: the lesson components as LessonBody passes them. */
function render(order: LearnerOrder): string {
  const Content = getMDXComponent(code);
  return renderToStaticMarkup(createElement(Content, { components: { Option, Choice, Situation, TrueFalse, ...learnerOrderComponents(order) } }));
}

/** The texts in the order they appear in the HTML. */
const shownOrder = (html: string, texts: string[]) => [...texts].sort((a, b) => html.indexOf(a) - html.indexOf(b));
const expectedOrder = (texts: string[], order: LearnerOrder, itemId: string) => seededOrder(texts.length, itemOrderSeed(order, itemId)).map((i) => texts[i]);

const people = Array.from({ length: 12 }, (_, i) => `cm4person${String(i).padStart(4, "0")}`);

describe("options in each learner's order", () => {
  it("renders a Quiz's options and a Scenario's choices in the person's seeded order, the same on every render", () => {
    const order = { userId: people[0]!, contentId: "shared-office-computer" };
    const html = render(order);
    expect(render(order)).toBe(html);
    expect(shownOrder(html, OPTIONS)).toEqual(expectedOrder(OPTIONS, order, "leave-computer"));
    expect(shownOrder(html, CHOICES)).toEqual(expectedOrder(CHOICES, order, "bank-call"));
  });

  it("shows different people different orders", () => {
    const quizOrders = new Set(people.map((userId) => shownOrder(render({ userId, contentId: "shared-office-computer" }), OPTIONS).join("|")));
    const scenarioOrders = new Set(people.map((userId) => shownOrder(render({ userId, contentId: "shared-office-computer" }), CHOICES).join("|")));
    expect(quizOrders.size).toBeGreaterThan(3);
    expect(scenarioOrders.size).toBeGreaterThan(2);
  });

  it("seeds by the lesson as well: one person's item of the same id in another lesson has its own order", () => {
    const quizOrder = (userId: string, contentId: string) => shownOrder(render({ userId, contentId }), OPTIONS).join();
    const differs = people.filter((userId) => quizOrder(userId, "shared-office-computer") !== quizOrder(userId, "strong-passwords"));
    expect(differs.length).toBeGreaterThan(people.length / 2);
  });

  it("keeps the situation above the choices and true/false in their fixed order", () => {
    for (const userId of people) {
      const html = render({ userId, contentId: "shared-office-computer" });
      const situation = html.indexOf("Клієнтці телефонують");
      expect(CHOICES.every((c) => html.indexOf(c) > situation)).toBe(true);
      expect(html.indexOf("lesson.true")).toBeLessThan(html.indexOf("lesson.false"));
    }
  });
});

describe("inLearnerOrder", () => {
  const written = [
    createElement(Situation, { key: "s", children: "Ситуація" }),
    "\n",
    ...CHOICES.map((text, i) => createElement(Choice, { best: i === 1, consequence: `наслідок ${i}`, children: text })),
  ];
  const facts = (child: unknown) => {
    const el = child as ReactElement<{ best?: boolean; consequence?: string; children?: string }>;
    return `${el.key}|${String(el.props.children)}|${String(el.props.best)}|${el.props.consequence}`;
  };

  it("moves each option whole: its text, whether it is right and its explanation travel together, under the key of its written place", () => {
    const writtenFacts = Children.toArray(written).slice(2).map(facts).sort();
    for (const userId of people) {
      const shown = inLearnerOrder(written, Choice, itemOrderSeed({ userId, contentId: "lesson" }, "item"));
      expect(shown).toHaveLength(written.length);
      expect(shown.slice(2).map(facts).sort()).toEqual(writtenFacts);
    }
  });

  it("leaves every other child where it was written and moves only the named component", () => {
    for (const userId of people) {
      const shown = inLearnerOrder(written, Choice, itemOrderSeed({ userId, contentId: "lesson" }, "item"));
      expect(isValidElement(shown[0]) && shown[0].type === Situation).toBe(true);
      expect(shown[1]).toBe("\n");
    }
    // Choices are not Options: asked to move Options, nothing here moves.
    const keys = (children: unknown[]) => children.map((c) => (isValidElement(c) ? c.key : c));
    expect(keys(inLearnerOrder(written, Option, "any seed"))).toEqual(keys(Children.toArray(written)));
  });
});
