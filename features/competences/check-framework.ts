import { readFileSync } from "node:fs";
import { LEVEL_GROUPS, type TFramework } from "./framework-schema";

export type ContentProblem = { file: string; line: number; field: string; message: string };

const GROUP_OF_LEVEL = (level: number) => LEVEL_GROUPS[Math.floor((level - 1) / 2)];

function lineOf(file: string, needle: string): number {
  try {
    const text = readFileSync(file, "utf8");
    const index = text.indexOf(needle);
    return index < 0 ? 1 : text.slice(0, index).split("\n").length;
  } catch {
    return 1;
  }
}

/**
 * Cross-checks a schema-valid framework: unique ids, areas and components that agree, levels and
 * groups in range and in order, targets for every competence, and resources that resolve. Given
 * `taught` (the competences some lesson or walkthrough lists in its frontmatter: teaching-map.ts),
 * also that every competence is taught — content:check asks it of the current version only.
 */
export function checkFramework(
  fw: TFramework,
  where: { metaFile: string; sourceOf: (competenceId: string) => string; knownResources?: Set<string>; taught?: ReadonlySet<string> },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (file: string, needle: string, field: string, message: string) => problems.push({ file, line: lineOf(file, needle), field, message });

  const levels = fw.levels.map((l) => l.level);
  fw.levels.forEach((l, i) => {
    if (l.level !== i + 1) at(where.metaFile, `"level": ${l.level}`, `levels.${i}.level`, `expected level ${i + 1}, found ${l.level}`);
    if (l.group !== GROUP_OF_LEVEL(l.level))
      at(where.metaFile, `"level": ${l.level}`, `levels.${i}.group`, `level ${l.level} belongs to ${GROUP_OF_LEVEL(l.level)}`);
  });
  if (new Set(levels).size !== levels.length) at(where.metaFile, '"levels"', "levels", "duplicate level");

  const areaIds = new Set<string>();
  for (const area of fw.areas) {
    if (areaIds.has(area.id)) at(where.metaFile, `"id": "${area.id}"`, "areas.id", `duplicate area id "${area.id}"`);
    areaIds.add(area.id);
  }

  const competenceIds = new Set<string>();
  for (const c of fw.competences) {
    const file = where.sourceOf(c.id);
    const needle = `"id": "${c.id}"`;
    if (competenceIds.has(c.id)) at(file, needle, "competences.id", `duplicate competence id "${c.id}"`);
    competenceIds.add(c.id);
    const area = fw.areas.find((a) => a.id === c.area);
    if (!area) at(file, needle, `${c.id}.area`, `unknown area "${c.area}"`);
    else if (area.component !== c.component) at(file, needle, `${c.id}.component`, `area ${area.id} is ${area.component}, competence says ${c.component}`);
    if (!c.id.startsWith(`${c.area}.`)) at(file, needle, `${c.id}.id`, `id must start with its area "${c.area}."`);
    // Resources resolve against the lesson and walkthrough catalogue, which content:check passes in.
    for (const ref of where.knownResources ? c.resources : []) {
      if (!where.knownResources?.has(ref)) at(file, ref, `${c.id}.resources`, `"${ref}" does not resolve to a lesson or walkthrough`);
    }
    if (where.taught && !where.taught.has(c.id))
      at(
        file,
        needle,
        c.id,
        `no lesson or walkthrough teaches this competence: add "${c.id}" to the frontmatter \`competences\` of one that does (content/lessons or content/walkthroughs)`,
      );
  }
  for (const area of fw.areas) {
    if (!fw.competences.some((c) => c.area === area.id)) at(where.metaFile, `"id": "${area.id}"`, `areas.${area.id}`, "area has no competences");
  }

  const profileIds = new Set<string>();
  for (const profile of fw.profiles) {
    const needle = `"id": "${profile.id}"`;
    if (profileIds.has(profile.id)) at(where.metaFile, needle, "profiles.id", `duplicate profile id "${profile.id}"`);
    profileIds.add(profile.id);
    for (const [cid, level] of Object.entries(profile.targets)) {
      if (!competenceIds.has(cid)) at(where.metaFile, needle, `profiles.${profile.id}.targets.${cid}`, `unknown competence "${cid}"`);
      if (level < 1 || level > 8) at(where.metaFile, needle, `profiles.${profile.id}.targets.${cid}`, `level ${level} out of range 1–8`);
    }
    for (const cid of competenceIds) {
      if (!(cid in profile.targets)) at(where.metaFile, needle, `profiles.${profile.id}.targets`, `no target for competence "${cid}"`);
    }
  }
  return problems;
}
