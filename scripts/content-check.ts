// `npm run content:check`: validates every content file and prints `file:line: field: problem`.
// Runs inside `npm test`; a bad file fails here, never on a page at run time.
import { relative } from "node:path";
import { FrameworkError, contentRoot, listFrameworkVersions, readFramework } from "../features/competences/server/framework";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = contentRoot();
const problems: string[] = [];
let checked = 0;

const frameworksDir = join(root, "competences");
for (const id of existsSync(frameworksDir) ? readdirSync(frameworksDir) : []) {
  for (const version of listFrameworkVersions(id, root)) {
    checked += 1;
    try {
      // Lessons and walkthroughs arrive with later content; until then no resource can resolve.
      readFramework(id, version, root, new Set());
    } catch (error) {
      if (!(error instanceof FrameworkError)) throw error;
      for (const p of error.problems) problems.push(`${relative(process.cwd(), p.file)}:${p.line}: ${p.field}: ${p.message}`);
    }
  }
}

if (problems.length) {
  for (const line of problems) console.error(line);
  console.error(`\ncontent:check — ${problems.length} problem(s) in ${checked} framework version(s)`);
  process.exit(1);
}
console.info(`content:check — ${checked} framework version(s) valid`);
