import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bodyReporter, checkComponentsAndItems, lessonLinkProblems, lineAt, readMdxFiles, type MdxSource } from "../content/mdx-files";
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
    problems.push(...lessonReferenceProblems(lesson, ids));
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
  checkLessonBody(lesson.body, bodyReporter(lesson, problems));
  return problems;
}

/**
 * The rules for a lesson's body: only lesson components, well-formed quiz items, alt text on
 * figures, at least one quiz. Reports by offset in the body, so a document written in the app
 * (features/authoring/safe-mdx.ts) gets the same messages at its line and column.
 */
export function checkLessonBody(body: string, at: (index: number, field: string, message: string) => void): void {
  const { items } = checkComponentsAndItems(body, LESSON_COMPONENTS, at);
  for (const m of body.matchAll(/<Figure\b([^>]*)>/g)) {
    const alt = /\balt="([^"]*)"/.exec(m[1]!)?.[1];
    if (!alt || alt.trim().length < 5) at(m.index, "Figure.alt", "every figure needs alt text describing it");
  }
  if (items === 0) at(0, "Quiz", "every lesson needs at least one Quiz or TrueFalse");
}

/** Links to lessons and prerequisites that name no lesson among `lessonIds`. */
export function lessonReferenceProblems(lesson: LessonSource, lessonIds: ReadonlySet<string>): ContentProblem[] {
  const problems = lessonLinkProblems(lesson, lessonIds);
  for (const p of lesson.frontmatter.prerequisites) {
    if (!lessonIds.has(p))
      problems.push({
        file: lesson.file,
        line: lineAt(lesson.text, lesson.text.indexOf("\nprerequisites:") + 1),
        field: "prerequisites",
        message: `no lesson "${p}"`,
      });
  }
  return problems;
}
