import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readFramework } from "./server/framework";
import { answerFromLevel, areaChanges, areaLevels, competenceLevels, findGaps, levelFromAnswer, nextAssessmentDue, profileForRoles } from "./scoring";

const fw = readFramework("digcomp-sw", 1, join(process.cwd(), "content"), new Set());

describe("the instrument's levels", () => {
  it("maps statements and 'partly' to levels and back", () => {
    expect(levelFromAnswer(0, false)).toBe(0);
    expect(levelFromAnswer(4, false)).toBe(4);
    expect(levelFromAnswer(4, true)).toBe(3);
    expect(levelFromAnswer(2, true)).toBe(1);
    for (let level = 0; level <= 8; level++) {
      const a = answerFromLevel(level);
      expect(levelFromAnswer(a.anchor, a.partly)).toBe(level);
    }
  });
});

describe("profiles from answers", () => {
  it("estimates every competence of an area from a short-form area rating", () => {
    const levels = competenceLevels(fw, { form: "SHORT", ratings: [{ itemType: "AREA", itemId: "4", level: 3 }] });
    const safety = fw.competences.filter((c) => c.area === "4").map((c) => c.id);
    expect(levels.map((l) => l.competenceId)).toEqual(safety);
    expect(levels.every((l) => l.level === 3 && l.estimated)).toBe(true);
  });

  it("takes the lower median of competence levels as the area level in the full form", () => {
    const ratings = [
      { itemType: "COMPETENCE" as const, itemId: "1.1", level: 6 },
      { itemType: "COMPETENCE" as const, itemId: "1.2", level: 2 },
      { itemType: "COMPETENCE" as const, itemId: "1.3", level: 3 },
      { itemType: "COMPETENCE" as const, itemId: "4.1", level: 5 },
      { itemType: "COMPETENCE" as const, itemId: "4.2", level: 1 },
    ];
    const areas = areaLevels(fw, { form: "FULL", ratings });
    expect(areas.get("1")).toBe(3);
    expect(areas.get("4")).toBe(1);
    expect(areas.has("2")).toBe(false);
  });

  it("lists gaps below the role target, widest first, and none at or above it", () => {
    const target = fw.profiles.find((p) => p.id === "social-work-specialist")!.targets;
    const levels = [
      { competenceId: "SW.3", level: 1, estimated: false },
      { competenceId: "1.1", level: target["1.1"]! - 1, estimated: false },
      { competenceId: "2.1", level: target["2.1"]!, estimated: false },
    ];
    const gaps = findGaps(fw, "social-work-specialist", levels);
    expect(gaps.map((g) => g.competenceId)).toEqual(["SW.3", "1.1"]);
    expect(gaps[0]!.gap).toBe(target["SW.3"]! - 1);
  });

  it("reports area changes between two assessments", () => {
    const changes = areaChanges(
      new Map([
        ["1", 2],
        ["2", 3],
        ["3", 4],
      ]),
      new Map([
        ["1", 4],
        ["2", 3],
        ["3", 3],
        ["4", 2],
      ]),
    );
    expect(changes).toEqual([
      { id: "1", from: 2, to: 4, delta: 2 },
      { id: "3", from: 4, to: 3, delta: -1 },
    ]);
  });

  it("measures curators against the curator profile and counts the next due date", () => {
    expect(profileForRoles(["LEARNER"])).toBe("social-work-specialist");
    expect(profileForRoles(["CURATOR", "LEARNER"])).toBe("curator");
    expect(nextAssessmentDue(new Date("2026-01-01T00:00:00Z"), 90)?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(nextAssessmentDue(null, 90)).toBeNull();
  });
});
