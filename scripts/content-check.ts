// `npm run content:check`: validates every content file and prints `file:line: field: problem`.
// Runs inside `npm test`; a bad file fails here, never on a page at run time.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { FrameworkError, contentRoot, listFrameworkVersions, readFramework } from "../features/competences/server/framework";
import { checkLessons } from "../features/lessons/check-lessons";
import { compileLesson } from "../features/lessons/compile";
import type { ContentProblem } from "../features/competences/check-framework";

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
    const errors = (error as { errors?: { text: string; location?: { line: number } }[] }).errors;
    const first = errors?.[0];
    problems.push({
      file: lesson.file,
      line: first?.location ? lesson.bodyLine + first.location.line - 1 : lesson.bodyLine,
      field: "mdx",
      message: first?.text ?? (error instanceof Error ? error.message.split("\n")[0]! : "does not compile"),
    });
  }
}

const resources = new Set(lessonCheck.lessons.map((l) => `lesson:${l.id}`));
let versions = 0;
for (const id of frameworkIds) {
  for (const version of listFrameworkVersions(id, root)) {
    versions += 1;
    try {
      readFramework(id, version, root, resources);
    } catch (error) {
      if (!(error instanceof FrameworkError)) throw error;
      problems.push(...error.problems);
    }
  }
}

if (problems.length) {
  for (const p of problems) console.error(`${relative(process.cwd(), p.file)}:${p.line}: ${p.field}: ${p.message}`);
  console.error(`\ncontent:check — ${problems.length} problem(s)`);
  process.exit(1);
}
console.info(`content:check — ${versions} framework version(s), ${lessonCheck.lessons.length} lesson file(s), ${lessonCheck.tracks.length} track(s) valid`);
