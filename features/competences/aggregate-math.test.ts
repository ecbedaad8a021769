import { describe, expect, it } from "vitest";
import { MIN_GROUP, percent, percentRow, quarterLabel, suppressBreakdown, suppressedUnless } from "./aggregate-math";

describe("report arithmetic", () => {
  it("reproduces seed 001 Table 2 from its counts (n = 74), one decimal, halves up", () => {
    // Building interaction with service recipients: 25 / 34 / 14 / 1 of 74 respondents.
    expect([25, 34, 14, 1].map((c) => percent(c, 74))).toEqual([33.8, 45.9, 18.9, 1.4]);
    // Searching for information: 41 / 25 / 8 / 0.
    expect([41, 25, 8, 0].map((c) => percent(c, 74))).toEqual([55.4, 33.8, 10.8, 0]);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.3);
    expect(percent(0, 0)).toBe(0);
  });

  it("reproduces every row of seed 001 Table 2 exactly, each adding up to 100.0", () => {
    const table2: [number[], number[]][] = [
      [
        [25, 34, 14, 1],
        [33.8, 45.9, 18.9, 1.4],
      ], // building interaction with service recipients
      [
        [27, 31, 11, 5],
        [36.5, 41.9, 14.9, 6.7],
      ], // informing the community
      [
        [33, 24, 16, 1],
        [44.6, 32.4, 21.6, 1.4],
      ], // prompt communication
      [
        [17, 25, 27, 5],
        [23, 33.8, 36.5, 6.7],
      ], // direct provision
      [
        [41, 25, 8, 0],
        [55.4, 33.8, 10.8, 0],
      ], // searching for information
      [
        [44, 26, 4, 0],
        [59.5, 35.1, 5.4, 0],
      ], // development of personal competencies
    ];
    for (const [counts, published] of table2) {
      const row = percentRow(counts);
      expect(row).toEqual(published);
      expect(Math.round(row.reduce((s, v) => s + v, 0) * 10)).toBe(1000);
    }
    expect(percentRow([0, 0])).toEqual([0, 0]);
    expect(percentRow([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });

  it("suppresses a group under five respondents", () => {
    expect(MIN_GROUP).toBe(5);
    expect(suppressedUnless(4, () => 42)).toEqual({ suppressed: true });
    expect(suppressedUnless(5, () => 42)).toEqual({ suppressed: false, value: 42 });
  });

  it("hides a second group when only one would be hidden, so it cannot be subtracted out", () => {
    const result = suppressBreakdown([
      { id: "a", n: 3 },
      { id: "b", n: 12 },
      { id: "c", n: 7 },
      { id: "d", n: 0 },
    ]);
    expect(result.map((g) => [g.id, g.suppressed])).toEqual([
      ["a", true],
      ["b", false],
      ["c", true],
      ["d", false],
    ]);
    const two = suppressBreakdown([
      { id: "a", n: 3 },
      { id: "b", n: 2 },
      { id: "c", n: 9 },
    ]);
    expect(two.map((g) => g.suppressed)).toEqual([true, true, false]);
  });

  it("labels quarters", () => {
    expect(quarterLabel(new Date(Date.UTC(2026, 3, 1)))).toBe("2026 Q2");
  });
});
