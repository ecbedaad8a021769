import { afterEach, beforeEach, vi } from "vitest";

/** A test that makes the code log an error fails, unless it declares it expects one (expectConsoleError). */
let expected = 0;
let unexpected: unknown[][] = [];

beforeEach(() => {
  expected = 0;
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (expected > 0) {
      expected -= 1;
      return;
    }
    unexpected.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (unexpected.length) {
    throw new Error(`console.error was called:\n${unexpected.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});

export function expectConsoleError(times = 1): void {
  expected += times;
}
