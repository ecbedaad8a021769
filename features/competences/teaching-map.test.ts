import { describe, expect, it } from "vitest";
import { teachingMap } from "./teaching-map";

describe("teachingMap", () => {
  it("lists, for each competence, the lessons and guides whose frontmatter names it, in the order given", () => {
    const items = [
      { id: "strong-passwords", competences: ["4.1", "4.2"] },
      { id: "diia-sign-in", competences: ["SW.1", "4.1"] },
      { id: "no-competences", competences: [] },
      { id: "named-twice", competences: ["2.1", "2.1"] },
    ];
    const map = teachingMap(items);
    expect([...map.keys()].sort()).toEqual(["2.1", "4.1", "4.2", "SW.1"]);
    expect(map.get("4.1")?.map((i) => i.id)).toEqual(["strong-passwords", "diia-sign-in"]);
    expect(map.get("SW.1")?.map((i) => i.id)).toEqual(["diia-sign-in"]);
    expect(map.get("2.1")?.map((i) => i.id)).toEqual(["named-twice"]);
    expect(map.has("1.1")).toBe(false);
  });
});
