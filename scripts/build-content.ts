// Compiles the content once, before `next build` (and whenever `npm start` rebuilds): checked
// lessons and walkthroughs become JSON in .content/, which pages read; nothing is compiled per request.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkLessons } from "../features/lessons/check-lessons";
import { compileLesson } from "../features/lessons/compile";
import { checkWalkthroughs } from "../features/walkthroughs/check-walkthroughs";
import { compileWalkthrough } from "../features/walkthroughs/compile";
import { contentRoot, getFramework } from "../features/competences/server/framework";

const root = contentRoot();
const out = join(process.cwd(), ".content");
const competenceIds = new Set(getFramework().competences.map((c) => c.id));
const { lessons, tracks, problems } = checkLessons(root, competenceIds);
const guides = checkWalkthroughs(root, competenceIds, new Set(lessons.map((l) => l.id)));
problems.push(...guides.problems);
if (problems.length) {
  for (const p of problems) console.error(`${relative(process.cwd(), p.file)}:${p.line}: ${p.field}: ${p.message}`);
  console.error("Content has problems: run `npm run content:check`.");
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "lessons"), { recursive: true });
mkdirSync(join(out, "walkthroughs"), { recursive: true });
const index = [];
for (const lesson of lessons) {
  const compiled = await compileLesson(lesson);
  writeFileSync(join(out, "lessons", `${lesson.id}.${lesson.locale}.json`), JSON.stringify(compiled));
  index.push({
    id: lesson.id,
    locale: lesson.locale,
    frontmatter: lesson.frontmatter,
    steps: compiled.steps.length,
    items: compiled.items.map(({ id, kind }) => ({ id, kind })),
  });
}
const walkthroughIndex = [];
for (const guide of guides.walkthroughs) {
  const compiled = await compileWalkthrough(guide);
  writeFileSync(join(out, "walkthroughs", `${guide.id}.${guide.locale}.json`), JSON.stringify(compiled));
  walkthroughIndex.push({
    id: guide.id,
    locale: guide.locale,
    frontmatter: compiled.frontmatter,
    steps: compiled.steps.map(({ id, title }) => ({ id, title })),
    items: compiled.items,
  });
}
writeFileSync(join(out, "index.json"), JSON.stringify({ lessons: index, tracks, walkthroughs: walkthroughIndex }));

// Lesson illustrations and walkthrough screens are served as static files next to the app's own.
function copyMedia(kind: "lessons" | "walkthroughs", target: string, ids: Iterable<string>) {
  const media = join(process.cwd(), "public", target);
  rmSync(media, { recursive: true, force: true });
  for (const id of new Set(ids)) {
    const images = readdirSync(join(root, kind, id)).filter((f) => /\.(svg|png|jpe?g|webp)$/i.test(f));
    if (!images.length) continue;
    mkdirSync(join(media, id), { recursive: true });
    for (const image of images) copyFileSync(join(root, kind, id, image), join(media, id, image));
  }
}
copyMedia(
  "lessons",
  "lesson-media",
  lessons.map((l) => l.id),
);
copyMedia(
  "walkthroughs",
  "walkthrough-media",
  guides.walkthroughs.map((w) => w.id),
);
console.info(`content: ${lessons.length} lesson file(s) and ${guides.walkthroughs.length} walkthrough file(s) compiled into .content/`);
