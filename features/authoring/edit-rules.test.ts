import { describe, expect, it } from "vitest";
import { editImpact, reviewItemsOf } from "./edit-rules";

const QUIZ = (correct: number, question = "Який пароль найнадійніший?") => `<Quiz id="best" question="${question}">
  <Option${correct === 0 ? " correct" : ""} explanation="Пояснення першого варіанта.">Перший</Option>
  <Option${correct === 1 ? " correct" : ""} explanation="Пояснення другого варіанта.">Другий</Option>
</Quiz>`;
const TF = (answer: boolean) => `<TrueFalse id="tf" answer={${answer}} statement="Твердження для перевірки." explanation="Пояснення відповіді." />`;
const SCENARIO = (best: number) => `<Scenario id="case" title="Випадок">
  <Situation>Клієнтка просить допомогти.</Situation>
  <Choice${best === 0 ? " best" : ""} consequence="Наслідок першого вибору.">Перший вибір</Choice>
  <Choice${best === 1 ? " best" : ""} consequence="Наслідок другого вибору.">Другий вибір</Choice>
</Scenario>`;
const shape = (screens: string[], body: string) => ({ screens, items: reviewItemsOf(body) });

/** The rules of decision 032: what learners' records keep when a published lesson changes. */
describe("edit rules", () => {
  it("keeps positions and every card when the screens and answers stay (rewording included)", () => {
    const before = shape(["Вступ", "Пароль-фраза"], `${QUIZ(1)}\n\n${TF(false)}\n\n${SCENARIO(0)}`);
    const after = shape(["Вступ", "Пароль-фраза"], `Новий абзац.\n\n${QUIZ(1, "Перефразоване питання?")}\n\n${TF(false)}\n\n${SCENARIO(0)}`);
    expect(editImpact(before, after)).toEqual({ keepsPositions: true, resetItemIds: [] });
  });

  it("sends unfinished learners to the opening when screens are added, removed, renamed or reordered", () => {
    const body = QUIZ(1);
    for (const screens of [["Вступ"], ["Вступ", "Пароль-фраза", "Нове"], ["Вступ", "Інша назва"], ["Пароль-фраза", "Вступ"]]) {
      expect(editImpact(shape(["Вступ", "Пароль-фраза"], body), shape(screens, body)).keepsPositions).toBe(false);
    }
  });

  it("removes the cards of an item whose right answer changed, of each kind", () => {
    expect(editImpact(shape([], QUIZ(1)), shape([], QUIZ(0))).resetItemIds).toEqual(["best"]);
    expect(editImpact(shape([], TF(false)), shape([], TF(true))).resetItemIds).toEqual(["tf"]);
    expect(editImpact(shape([], SCENARIO(0)), shape([], SCENARIO(1))).resetItemIds).toEqual(["case"]);
  });

  it("removes the cards of an item removed, or one whose options were added", () => {
    expect(editImpact(shape([], `${QUIZ(1)}\n\n${TF(true)}`), shape([], TF(true))).resetItemIds).toEqual(["best"]);
    const threeOptions = QUIZ(1).replace("</Quiz>", '  <Option explanation="Третє пояснення.">Третій</Option>\n</Quiz>');
    expect(editImpact(shape([], QUIZ(1)), shape([], threeOptions)).resetItemIds).toEqual(["best"]);
  });

  it("reads the answer keys of a lesson's items in order, and keeps them stable for the same answers", () => {
    const items = reviewItemsOf(`${QUIZ(1)}\n\n${TF(false)}`);
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ["best", "Quiz"],
      ["tf", "TrueFalse"],
    ]);
    expect(reviewItemsOf(QUIZ(1, "Інше формулювання?"))[0]!.answerKey).toBe(items[0]!.answerKey);
    expect(reviewItemsOf(TF(true))[0]!.answerKey).not.toBe(items[1]!.answerKey);
  });
});
