import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bodyReporter, checkComponentsAndItems, lineAt, readMdxFiles, type MdxSource } from "../content/mdx-files";
import { LESSON_COMPONENTS, ZLessonFrontmatter, ZTracks, type TLessonFrontmatter, type TTrack } from "./schemas";
import type { ContentProblem } from "../competences/check-framework";

export type LessonSource = MdxSource<TLessonFrontmatter>;

/**
 * Reads every lesson and the tracks, and reports each problem as `file:line: field: problem`:
 * frontmatter that does not fit, unknown components, a Figure without alt text, quizzes without a
 * right answer or with duplicate ids, links to lessons that do not exist, unknown competences.
 */
export function checkLessons(root: string, competenceIds: Set<string>): { lessons: LessonSource[]; tracks: TTrack[]; problems: ContentProblem[] } {
  const { sources, problems } = readMdxFiles(join(root, "lessons"), ZLessonFrontmatter, "lesson", competenceIds);
  const lessons: LessonSource[] = sources;
  for (const lesson of lessons) problems.push(...checkBody(lesson));

  const ids = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) {
    const text = lesson.text;
    for (const m of text.matchAll(/\]\(lesson:([^)\s]+)\)/g)) {
      if (!ids.has(m[1]!)) problems.push({ file: lesson.file, line: lineAt(text, m.index), field: "link", message: `no lesson "${m[1]}"` });
    }
    for (const p of lesson.frontmatter.prerequisites) {
      if (!ids.has(p))
        problems.push({ file: lesson.file, line: lineAt(text, text.indexOf("\nprerequisites:") + 1), field: "prerequisites", message: `no lesson "${p}"` });
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
            if (!ids.has(id))
              problems.push({ file: tracksFile, line: lineAt(text, text.indexOf(`"${id}"`)), field: `${track.id}.lessons`, message: `no lesson "${id}"` });
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

function checkBody(lesson: LessonSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = bodyReporter(lesson, problems);
  const { items } = checkComponentsAndItems(lesson.body, LESSON_COMPONENTS, at);
  for (const m of lesson.body.matchAll(/<Figure\b([^>]*)>/g)) {
    const alt = /\balt="([^"]*)"/.exec(m[1]!)?.[1];
    if (!alt || alt.trim().length < 5) at(m.index, "Figure.alt", "every figure needs alt text describing it");
  }
  if (items === 0) at(0, "Quiz", "every lesson needs at least one Quiz or TrueFalse");
  return problems;
}
