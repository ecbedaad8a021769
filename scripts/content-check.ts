// `npm run content:check`: validates every content file and prints `file:line: field: problem`.
// Runs inside `npm test`; a bad file fails here, never on a page at run time. Patterns in practice
// items (features/content/item-patterns.ts) are printed after the problems as warnings: they do not fail.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { DEFAULT_FRAMEWORK_ID, FrameworkError, contentRoot, listFrameworkVersions, readFramework } from "../features/competences/server/framework";
import { teachingMap } from "../features/competences/teaching-map";
import { itemPatternWarnings } from "../features/content/item-patterns";
import { checkLessons } from "../features/lessons/check-lessons";
import { compileLesson, compileMdx } from "../features/lessons/compile";
import { checkWalkthroughs } from "../features/walkthroughs/check-walkthroughs";
import type { ContentProblem } from "../features/competences/check-framework";

/** An MDX syntax error, at its line in the file. */
function mdxProblem(source: { file: string; bodyLine: number }, error: unknown): ContentProblem {
  const errors = (error as { errors?: { text: string; location?: { line: number } }[] }).errors;
  const first = errors?.[0];
  return {
    file: source.file,
    line: first?.location ? source.bodyLine + first.location.line - 1 : source.bodyLine,
    field: "mdx",
    message: first?.text ?? (error instanceof Error ? error.message.split("\n")[0]! : "does not compile"),
  };
}

const root = contentRoot();
const problems: ContentProblem[] = [];

// Lessons first: the framework's resources resolve against them.
const frameworksDir = join(root, "competences");
const frameworkIds = existsSync(frameworksDir) ? readdirSync(frameworksDir) : [];
const latestCompetences = new Set<string>();
for (const id of frameworkIds) {
  const latest = listFrameworkVersions(id, root).at(-1);
  if (latest === undefined) continue;
  try {
    for (const c of readFramework(id, latest, root).competences) latestCompetences.add(c.id);
  } catch {
    // Reported below with every version.
  }
}
const lessonCheck = checkLessons(root, latestCompetences);
problems.push(...lessonCheck.problems);
for (const lesson of lessonCheck.lessons) {
  try {
    await compileLesson(lesson);
  } catch (error) {
    problems.push(mdxProblem(lesson, error));
  }
}

const lessonIds = new Set(lessonCheck.lessons.map((l) => l.id));
const walkthroughCheck = checkWalkthroughs(root, latestCompetences, lessonIds);
problems.push(...walkthroughCheck.problems);
for (const walkthrough of walkthroughCheck.walkthroughs) {
  try {
    await compileMdx(walkthrough.body);
  } catch (error) {
    problems.push(mdxProblem(walkthrough, error));
  }
}

const resources = new Set([...lessonCheck.lessons.map((l) => `lesson:${l.id}`), ...walkthroughCheck.walkthroughs.map((w) => `walkthrough:${w.id}`)]);
// Every competence of the current framework is taught by some lesson or walkthrough (their frontmatter says which).
const taught = new Set(teachingMap([...lessonCheck.lessons, ...walkthroughCheck.walkthroughs].map((s) => s.frontmatter)).keys());
let versions = 0;
for (const id of frameworkIds) {
  const versionsOfId = listFrameworkVersions(id, root);
  for (const version of versionsOfId) {
    versions += 1;
    const isCurrent = id === DEFAULT_FRAMEWORK_ID && version === versionsOfId.at(-1);
    try {
      readFramework(id, version, root, resources, isCurrent ? taught : undefined);
    } catch (error) {
      if (!(error instanceof FrameworkError)) throw error;
      problems.push(...error.problems);
    }
  }
}

const warnings = itemPatternWarnings([...lessonCheck.lessons, ...walkthroughCheck.walkthroughs]);

for (const p of problems) console.error(`${relative(process.cwd(), p.file)}:${p.line}: ${p.field}: ${p.message}`);
if (warnings.length) {
  console.warn(`${problems.length ? "\n" : ""}Warnings — patterns in practice items that let a learner guess (they do not fail the check):`);
  for (const w of warnings) {
    console.warn(`\nwarning: ${w.file ? relative(process.cwd(), w.file) : "all content"}: ${w.message}`);
    for (const item of w.items) console.warn(`  ${relative(process.cwd(), item.file)}:${item.line}: ${item.id}`);
  }
  console.warn(`\ncontent:check — ${warnings.length} warning(s)`);
}
if (problems.length) {
  console.error(`\ncontent:check — ${problems.length} problem(s)`);
  process.exit(1);
}
console.info(
  `content:check — ${versions} framework version(s), ${lessonCheck.lessons.length} lesson file(s), ${lessonCheck.tracks.length} track(s), ${walkthroughCheck.walkthroughs.length} walkthrough file(s) valid`,
);
