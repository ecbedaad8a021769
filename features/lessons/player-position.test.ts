import { describe, expect, it } from "vitest";
import { initialScreen } from "./player-position";

describe("where the player opens", () => {
  it("follows ?step=n, resumes an unfinished lesson where it was left, and starts a finished one from the top", () => {
    expect(initialScreen("3", { completed: false, step: 0 }, 5)).toBe(2);
    expect(initialScreen("99", { completed: false, step: 0 }, 5)).toBe(5); // the finish screen
    expect(initialScreen(undefined, { completed: false, step: 3 }, 5)).toBe(3);
    expect(initialScreen(undefined, { completed: false, step: 9 }, 5)).toBe(4); // content changed: the last screen
    expect(initialScreen(undefined, { completed: true, step: 3 }, 5)).toBe(0);
    expect(initialScreen("abc", { completed: false, step: 2 }, 5)).toBe(2);
    expect(initialScreen(["1", "2"], { completed: false, step: 2 }, 5)).toBe(2);
  });
});
