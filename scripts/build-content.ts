// Compiles the content once, before `next build` (and whenever `npm start` rebuilds): checked
// lessons become JSON in .content/, which pages read; nothing is compiled per request.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkLessons } from "../features/lessons/check-lessons";
import { compileLesson } from "../features/lessons/compile";
import { contentRoot, getFramework } from "../features/competences/server/framework";

const root = contentRoot();
const out = join(process.cwd(), ".content");
const competenceIds = new Set(getFramework().competences.map((c) => c.id));
const { lessons, tracks, problems } = checkLessons(root, competenceIds);
if (problems.length) {
  for (const p of problems) console.error(`${relative(process.cwd(), p.file)}:${p.line}: ${p.field}: ${p.message}`);
  console.error("Content has problems: run `npm run content:check`.");
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "lessons"), { recursive: true });
const index = [];
for (const lesson of lessons) {
  const compiled = await compileLesson(lesson);
  writeFileSync(join(out, "lessons", `${lesson.id}.${lesson.locale}.json`), JSON.stringify(compiled));
  index.push({ id: lesson.id, locale: lesson.locale, frontmatter: lesson.frontmatter, steps: compiled.steps.length, items: compiled.items.map(({ id, kind }) => ({ id, kind })) });
}
writeFileSync(join(out, "index.json"), JSON.stringify({ lessons: index, tracks }));

// Lesson illustrations are served as static files next to the app's own.
const media = join(process.cwd(), "public", "lesson-media");
rmSync(media, { recursive: true, force: true });
for (const id of new Set(lessons.map((l) => l.id))) {
  const images = readdirSync(join(root, "lessons", id)).filter((f) => /\.(svg|png|jpe?g|webp)$/i.test(f));
  if (!images.length) continue;
  mkdirSync(join(media, id), { recursive: true });
  for (const image of images) copyFileSync(join(root, "lessons", id, image), join(media, id, image));
}
console.info(`content: ${lessons.length} lesson file(s) compiled into .content/`);
