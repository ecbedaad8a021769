import { describe, expect, it } from "vitest";
import { planGaps, type GapWithTeaching } from "./gap-plan";

const gap = (competenceId: string, width: number, lessons: string[], walkthroughs: string[] = []): GapWithTeaching => ({
  competenceId,
  title: `Компетентність ${competenceId}`,
  level: 1,
  target: 1 + width,
  gap: width,
  estimated: true,
  lessons: lessons.map((id) => ({ id, title: `Урок ${id}` })),
  walkthroughs: walkthroughs.map((id) => ({ id, title: `Інструкція ${id}` })),
});

// Widest first, as findGaps orders them; the short form gives every competence of an area the same level, so items repeat.
const GAPS = [
  gap("SW.3", 4, ["diia-basics", "helsi-basics"], ["diia-sign-in"]),
  gap("SW.1", 3, ["diia-basics", "cnap-online"], ["diia-sign-in", "helsi-declaration"]),
  gap("4.2", 3, ["strong-passwords", "two-factor-sign-in"]),
  gap("1.1", 2, ["search-basics"]),
  gap("2.1", 1, ["choosing-a-channel"]),
];

describe("what to work on first", () => {
  it("keeps the three widest gaps, in order", () => {
    const plan = planGaps(GAPS, { lessons: new Set(), walkthroughs: new Set() });
    expect(plan.map((g) => g.competenceId)).toEqual(["SW.3", "SW.1", "4.2"]);
  });

  it("lists lessons then guides, each item once across the gaps, under the widest gap that needs it", () => {
    const plan = planGaps(GAPS, { lessons: new Set(), walkthroughs: new Set() });
    expect(plan.map((g) => g.items.map((i) => `${i.kind}:${i.id}`))).toEqual([
      ["lesson:diia-basics", "lesson:helsi-basics", "walkthrough:diia-sign-in"],
      ["lesson:cnap-online", "walkthrough:helsi-declaration"],
      ["lesson:strong-passwords", "lesson:two-factor-sign-in"],
    ]);
    expect(plan[1]!.shownAboveCount).toBe(2);
    const all = plan.flatMap((g) => g.items.map((i) => `${i.kind}:${i.id}`));
    expect(new Set(all).size).toBe(all.length);
  });

  it("leaves out what the person finished, counting it, and offers it nowhere else", () => {
    const plan = planGaps(GAPS, { lessons: new Set(["diia-basics", "strong-passwords", "two-factor-sign-in"]), walkthroughs: new Set(["diia-sign-in"]) });
    expect(plan[0]).toMatchObject({ items: [{ kind: "lesson", id: "helsi-basics", title: "Урок helsi-basics" }], doneCount: 2, shownAboveCount: 0 });
    expect(plan[1]).toMatchObject({ doneCount: 2, shownAboveCount: 0 });
    expect(plan[1]!.items.map((i) => i.id)).toEqual(["cnap-online", "helsi-declaration"]);
    expect(plan[2]).toMatchObject({ items: [], doneCount: 2 });
  });

  it("is empty without gaps and shorter with fewer than three", () => {
    expect(planGaps([], { lessons: new Set(), walkthroughs: new Set() })).toEqual([]);
    expect(planGaps(GAPS.slice(3), { lessons: new Set(), walkthroughs: new Set() })).toHaveLength(2);
  });
});
