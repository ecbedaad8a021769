import { describe, expect, it } from "vitest";
import { sessionEndsAfter } from "./review-session-rules";

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
