import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { LESSON_COMPONENTS, ZLessonFrontmatter, ZTracks, type TLessonFrontmatter, type TTrack } from "./schemas";
import type { ContentProblem } from "../competences/check-framework";

export type LessonSource = { id: string; locale: "uk" | "en"; file: string; frontmatter: TLessonFrontmatter; body: string; bodyLine: number };

const LOCALES = ["uk", "en"] as const;

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/**
 * Reads every lesson and the tracks, and reports each problem as `file:line: field: problem`:
 * frontmatter that does not fit, unknown components, a Figure without alt text, quizzes without a
 * right answer or with duplicate ids, links to lessons that do not exist, unknown competences.
 */
export function checkLessons(root: string, competenceIds: Set<string>): { lessons: LessonSource[]; tracks: TTrack[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const lessons: LessonSource[] = [];
  const dir = join(root, "lessons");
  const folders = existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith(".")).sort() : [];
  for (const folder of folders) {
    for (const locale of LOCALES) {
      const file = join(dir, folder, `${locale}.mdx`);
      if (!existsSync(file)) {
        if (locale === "uk") problems.push({ file: join(dir, folder), line: 1, field: "uk.mdx", message: "every lesson needs a Ukrainian version" });
        continue;
      }
      const text = readFileSync(file, "utf8");
      let parsed: matter.GrayMatterFile<string>;
      try {
        parsed = matter(text);
      } catch (error) {
        problems.push({ file, line: 1, field: "frontmatter", message: error instanceof Error ? error.message.split("\n")[0]! : "unreadable" });
        continue;
      }
      const fm = ZLessonFrontmatter.safeParse(parsed.data);
      if (!fm.success) {
        for (const issue of fm.error.issues) {
          const key = String(issue.path[0] ?? "");
          const at = text.indexOf(`\n${key}:`);
          problems.push({ file, line: at >= 0 ? lineAt(text, at + 1) : 2, field: issue.path.join(".") || "frontmatter", message: issue.message });
        }
        continue;
      }
      if (fm.data.id !== folder) problems.push({ file, line: lineAt(text, text.indexOf("\nid:") + 1), field: "id", message: `must be "${folder}", the folder's name` });
      for (const c of fm.data.competences) {
        if (!competenceIds.has(c)) problems.push({ file, line: lineAt(text, Math.max(0, text.indexOf("\ncompetences:") + 1)), field: "competences", message: `unknown competence "${c}"` });
      }
      const bodyStart = text.length - parsed.content.length;
      lessons.push({ id: folder, locale, file, frontmatter: fm.data, body: parsed.content, bodyLine: lineAt(text, bodyStart) });
      problems.push(...checkBody(file, text, bodyStart));
    }
  }

  const ids = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) {
    const text = readFileSync(lesson.file, "utf8");
    for (const m of text.matchAll(/\]\(lesson:([^)\s]+)\)/g)) {
      if (!ids.has(m[1]!)) problems.push({ file: lesson.file, line: lineAt(text, m.index), field: "link", message: `no lesson "${m[1]}"` });
    }
    for (const p of lesson.frontmatter.prerequisites) {
      if (!ids.has(p)) problems.push({ file: lesson.file, line: lineAt(text, text.indexOf("\nprerequisites:") + 1), field: "prerequisites", message: `no lesson "${p}"` });
    }
  }

  let tracks: TTrack[] = [];
  const tracksFile = join(root, "tracks.json");
  if (existsSync(tracksFile)) {
    const text = readFileSync(tracksFile, "utf8");
    try {
      const parsed = ZTracks.safeParse(JSON.parse(text));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file: tracksFile, line: 1, field: issue.path.join("."), message: issue.message });
      } else {
        tracks = parsed.data;
        for (const track of tracks) {
          for (const id of track.lessons) {
            if (!ids.has(id)) problems.push({ file: tracksFile, line: lineAt(text, text.indexOf(`"${id}"`)), field: `${track.id}.lessons`, message: `no lesson "${id}"` });
          }
        }
        const inTracks = new Set(tracks.flatMap((t) => t.lessons));
        for (const id of ids) if (!inTracks.has(id)) problems.push({ file: tracksFile, line: 1, field: "lessons", message: `lesson "${id}" is in no track` });
      }
    } catch (error) {
      problems.push({ file: tracksFile, line: 1, field: "(file)", message: error instanceof Error ? error.message : "unreadable" });
    }
  } else if (lessons.length) {
    problems.push({ file: tracksFile, line: 1, field: "(file)", message: "missing: every lesson belongs to a track" });
  }
  return { lessons, tracks, problems };
}

function checkBody(file: string, text: string, bodyStart: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const body = text.slice(bodyStart);
  const at = (index: number, field: string, message: string) => problems.push({ file, line: lineAt(text, bodyStart + index), field, message });
  const allowed = new Set<string>(LESSON_COMPONENTS);
  for (const m of body.matchAll(/<([A-Za-z][\w.]*)/g)) {
    const name = m[1]!;
    if (!allowed.has(name)) at(m.index, "component", `unknown component <${name}>; allowed: ${LESSON_COMPONENTS.join(", ")}`);
  }
  for (const m of body.matchAll(/<Figure\b([^>]*)>/g)) {
    const alt = /\balt="([^"]*)"/.exec(m[1]!)?.[1];
    if (!alt || alt.trim().length < 5) at(m.index, "Figure.alt", "every figure needs alt text describing it");
  }
  const ids = new Map<string, number>();
  for (const m of body.matchAll(/<(Quiz|TrueFalse|Scenario|Checklist)\b[^>]*\bid="([^"]+)"/g)) {
    if (ids.has(m[2]!)) at(m.index, `${m[1]}.id`, `duplicate id "${m[2]}"`);
    ids.set(m[2]!, m.index);
  }
  for (const m of body.matchAll(/<(Quiz|TrueFalse|Scenario|Checklist)\b(?![^>]*\bid=")[^>]*>/g)) at(m.index, `${m[1]}.id`, "needs an id");
  for (const m of body.matchAll(/<Quiz\b([^>]*)>([\s\S]*?)<\/Quiz>/g)) {
    const multiple = /\bmultiple\b/.test(m[1]!);
    const options = [...m[2]!.matchAll(/<Option\b([^>]*)>/g)];
    const correct = options.filter((o) => /\bcorrect\b/.test(o[1]!)).length;
    if (options.length < 2) at(m.index, "Quiz", "needs at least two options");
    if (correct === 0) at(m.index, "Quiz", "no option is marked correct");
    if (!multiple && correct > 1) at(m.index, "Quiz", "several options are correct: add `multiple`");
    if (options.some((o) => !/\bexplanation="[^"]+"/.test(o[1]!))) at(m.index, "Option.explanation", "every option needs an explanation");
  }
  for (const m of body.matchAll(/<TrueFalse\b([^>]*)\/?>/g)) {
    if (!/\banswer=\{(true|false)\}/.test(m[1]!)) at(m.index, "TrueFalse.answer", "needs answer={true} or answer={false}");
    if (!/\bexplanation="[^"]+"/.test(m[1]!)) at(m.index, "TrueFalse.explanation", "needs an explanation");
  }
  const quizCount = [...body.matchAll(/<(Quiz|TrueFalse)\b/g)].length;
  if (quizCount === 0) at(0, "Quiz", "every lesson needs at least one Quiz or TrueFalse");
  return problems;
}
