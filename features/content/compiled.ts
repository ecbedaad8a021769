import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getCompiledContentDir } from "@/server/env";
import type { CompiledItem } from "@/features/lessons/compile";
import type { TLessonFrontmatter, TTrack } from "@/features/lessons/schemas";
import type { TWalkthroughFrontmatter } from "@/features/walkthroughs/schemas";

type LessonEntry = {
  id: string;
  locale: "uk" | "en";
  frontmatter: TLessonFrontmatter;
  /** How many screens the player shows (the finish screen not counted). */
  steps: number;
  items: Pick<CompiledItem, "id" | "kind">[];
};
type WalkthroughEntry = { id: string; locale: "uk" | "en"; frontmatter: TWalkthroughFrontmatter; steps: { id: string; title: string }[]; items: { id: string }[] };
export type ContentIndex = { lessons: LessonEntry[]; tracks: TTrack[]; walkthroughs: WalkthroughEntry[] };

const dir = () => getCompiledContentDir();
let index: ContentIndex | undefined;

/** The compiled content index (built by scripts/build-content.ts), read once per process. */
export function compiledIndex(): ContentIndex {
  if (index) return index;
  const file = join(dir(), "index.json");
  if (!existsSync(file)) throw new Error("Compiled content is missing: run `npm run build` (it runs scripts/build-content.ts).");
  index = JSON.parse(readFileSync(file, "utf8")) as ContentIndex;
  return index;
}

/** One compiled lesson or walkthrough (`<id>.<locale>`), or null when there is none. */
export function readCompiled<T>(kind: "lessons" | "walkthroughs", key: string): T | null {
  const file = join(dir(), kind, `${key}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}
