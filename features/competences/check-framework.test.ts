import { describe, expect, it } from "vitest";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FrameworkError, readFramework } from "./server/framework";
import { copyContent, editJson } from "../../tests/fixtures/framework-copy";
import { teachingMap } from "./teaching-map";

type Json = Record<string, unknown> & {
  competences: Record<string, unknown>[];
  levels: Record<string, unknown>[];
  profiles: { targets: Record<string, number> }[];
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof FrameworkError) return error.problems.map((p) => `${p.file.split("/").slice(-2).join("/")}:${p.line}: ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("framework validation", () => {
  it("accepts the shipped framework: 6 areas, 30 competences, 8 levels, 2 role profiles", () => {
    const fw = readFramework("digcomp-sw", 1, join(process.cwd(), "content"), new Set());
    expect(fw.areas.map((a) => a.id)).toEqual(["1", "2", "3", "4", "5", "SW"]);
    expect(fw.competences.filter((c) => c.component === "basic")).toHaveLength(21);
    expect(fw.competences.filter((c) => c.component === "professional").length).toBeGreaterThanOrEqual(8);
    expect(fw.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(fw.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(["social-work-specialist", "curator"]));
  });

  it("reports duplicate ids, unknown areas, component mismatches, levels out of range and unresolved resources", () => {
    const root = copyContent();
    const dir = join(root, "competences/digcomp-sw/v1");
    editJson(join(dir, "competences/area-1.json"), (v) => {
      const file = v as Json;
      file.competences[1]!.id = "1.1";
      file.competences[2]!.area = "9";
      file.competences[0]!.resources = ["lesson:no-such-lesson"];
    });
    editJson(join(dir, "competences/area-sw.json"), (v) => {
      (v as Json).competences[0]!.component = "basic";
    });
    editJson(join(dir, "framework.json"), (v) => {
      const meta = v as Json;
      meta.profiles[0]!.targets["9.9"] = 3;
      delete meta.profiles[1]!.targets["5.4"];
      meta.levels[2]!.group = "advanced";
    });
    const problems = problemsOf(() => readFramework("digcomp-sw", 1, root, new Set()));
    const text = problems.join("\n");
    expect(text).toMatch(/area-1\.json:\d+: competences\.id: duplicate competence id "1\.1"/);
    expect(text).toMatch(/area-1\.json:\d+: 1\.3\.area: unknown area "9"/);
    expect(text).toMatch(/area-1\.json:\d+: 1\.1\.resources: "lesson:no-such-lesson" does not resolve/);
    expect(text).toMatch(/area-sw\.json:\d+: SW\.1\.component: area SW is professional/);
    expect(text).toMatch(/framework\.json:\d+: profiles\.social-work-specialist\.targets\.9\.9: unknown competence "9\.9"/);
    expect(text).toMatch(/no target for competence "5\.4"/);
    expect(text).toMatch(/framework\.json:\d+: levels\.2\.group: .*intermediate/);
    expect(problems.every((p) => /^[\w./-]+:\d+: \S+: .+/.test(p))).toBe(true);
  });

  it("reports a missing statement and an unreadable file with file and line", () => {
    const root = copyContent();
    const dir = join(root, "competences/digcomp-sw/v1");
    editJson(join(dir, "competences/area-2.json"), (v) => {
      const s = (v as Json).competences[0]!.statements as Record<string, unknown>;
      delete s["6"];
    });
    writeFileSync(join(dir, "competences/area-3.json"), "{ not json");
    editJson(join(dir, "framework.json"), (v) => {
      (v as Json).profiles[0]!.targets["4.1"] = 11;
    });
    const text = problemsOf(() => readFramework("digcomp-sw", 1, root, new Set())).join("\n");
    expect(text).toMatch(/area-2\.json:\d+: competences\.0\.statements\.6: /);
    expect(text).toMatch(/area-3\.json:1: \(file\): /);
    expect(text).toMatch(/framework\.json:\d+: profiles\.0\.targets\.4\.1: /);
  });

  it("refuses a version folder whose file claims another version", () => {
    const root = copyContent();
    cpSync(join(root, "competences/digcomp-sw/v1"), join(root, "competences/digcomp-sw/v2"), { recursive: true });
    const text = problemsOf(() => readFramework("digcomp-sw", 2, root, new Set())).join("\n");
    expect(text).toMatch(/framework\.json:1: version: must be digcomp-sw v2/);
  });

  it("reports each competence of the version that no lesson or walkthrough lists in its frontmatter, at its line", () => {
    const content = join(process.cwd(), "content");
    const all = readFramework("digcomp-sw", 1, content, new Set()).competences.map((c) => c.id);
    // Fixture lessons and guides, not the corpus: between them they teach everything but 1.1 and SW.4.
    const lessons = [
      { id: "one", competences: all.filter((c) => c.startsWith("1.") || c.startsWith("2.")).filter((c) => c !== "1.1") },
      { id: "two", competences: all.filter((c) => /^[345]\./.test(c)) },
    ];
    const guides = [{ id: "guide", competences: all.filter((c) => c.startsWith("SW.") && c !== "SW.4") }];
    const taught = new Set(teachingMap([...lessons, ...guides]).keys());

    const problems = problemsOf(() => readFramework("digcomp-sw", 1, content, new Set(), taught));
    const lineOf = (file: string, id: string) => {
      const text = readFileSync(join(content, "competences/digcomp-sw/v1/competences", file), "utf8");
      return text.slice(0, text.indexOf(`"id": "${id}"`)).split("\n").length;
    };
    expect(problems).toEqual([
      `competences/area-1.json:${lineOf("area-1.json", "1.1")}: 1.1: no lesson or walkthrough teaches this competence: add "1.1" to the frontmatter \`competences\` of one that does (content/lessons or content/walkthroughs)`,
      `competences/area-sw.json:${lineOf("area-sw.json", "SW.4")}: SW.4: no lesson or walkthrough teaches this competence: add "SW.4" to the frontmatter \`competences\` of one that does (content/lessons or content/walkthroughs)`,
    ]);

    // Taught by a guide alone is taught; and a version read without `taught` (not the current one) is not asked.
    const withBoth = new Set(teachingMap([...lessons, ...guides, { id: "late-guide", competences: ["1.1", "SW.4"] }]).keys());
    expect(problemsOf(() => readFramework("digcomp-sw", 1, content, new Set(), withBoth))).toEqual([]);
    expect(problemsOf(() => readFramework("digcomp-sw", 1, content, new Set()))).toEqual([]);
  });
});
