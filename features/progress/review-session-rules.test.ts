import { describe, expect, it } from "vitest";
import { itemsStillToAnswer, sessionEndsAfter } from "./review-session-rules";

describe("a review session", () => {
  it("goes on to the next item while time remains", () => {
    expect(sessionEndsAfter(0, 6, 0, 30_000, 120)).toBe(false);
    expect(sessionEndsAfter(4, 6, 0, 119_999, 120)).toBe(false);
  });

  it("ends after the last item, however quick", () => {
    expect(sessionEndsAfter(5, 6, 0, 20_000, 120)).toBe(true);
  });

  it("ends after the item on screen once two minutes have passed, with items left", () => {
    expect(sessionEndsAfter(2, 6, 0, 120_000, 120)).toBe(true);
    expect(sessionEndsAfter(0, 6, 1_000, 125_000, 120)).toBe(true);
  });
});

describe("a review session opened again from the device", () => {
  const items = [
    { lessonId: "strong-passwords", itemId: "length" },
    { lessonId: "recognise-phishing", itemId: "bank-code" },
    { lessonId: "recognise-phishing", itemId: "sender" },
  ];
  const answer = (lessonId: string, itemId: string, state = "waiting") => ({
    method: "POST",
    path: "/api/v1/reviews",
    body: { lessonId, itemId, correct: true, seconds: 4 },
    state,
  });

  it("leaves out the items whose answers wait on this device to be sent", () => {
    expect(itemsStillToAnswer(items, [answer("recognise-phishing", "bank-code")])).toEqual([0, 2]);
    expect(
      itemsStillToAnswer(
        items,
        items.map((i) => answer(i.lessonId, i.itemId)),
      ),
    ).toEqual([]);
  });

  it("shows again an item whose answer the server refused, and ignores other waiting writes", () => {
    expect(itemsStillToAnswer(items, [answer("strong-passwords", "length", "refused")])).toEqual([0, 1, 2]);
    const other = { method: "POST", path: "/api/v1/progress/goal", body: { lessonId: "strong-passwords", itemId: "length" }, state: "waiting" };
    expect(itemsStillToAnswer(items, [other])).toEqual([0, 1, 2]);
  });
});
