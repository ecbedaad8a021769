import "server-only";
import type { TLessonFrontmatter } from "@/features/lessons/schemas";
import type { TWalkthroughFrontmatter } from "@/features/walkthroughs/schemas";
import { reviewItemsOf, type ScreensAndItems } from "../edit-rules";
import type { CompiledContentDto } from "./compile-approved";
import type { CheckedMdxOf } from "../safe-mdx";

/** What lists, Today and the edit rules need of a published lesson without its compiled code. */
export type AuthoredLessonMeta = {
  locale: "uk" | "en";
  frontmatter: TLessonFrontmatter;
  steps: { title: string }[];
  items: { id: string; kind: string; answerKey: string }[];
};
/** The same of a guide: its steps (ids and titles) and practice items. */
export type AuthoredWalkthroughMeta = {
  locale: "uk" | "en";
  frontmatter: TWalkthroughFrontmatter;
  steps: { id: string; title: string }[];
  items: { id: string; kind: string; answerKey: string }[];
};
export type AuthoredNoteMeta = { locale: "uk" | "en"; noteKind: string };
export type AuthoredMeta = AuthoredLessonMeta | AuthoredWalkthroughMeta | AuthoredNoteMeta;

/** The listing facts of a compiled version (stored on the version, read by the catalog). */
export function versionMeta(document: CheckedMdxOf<"lesson" | "walkthrough" | "note">, compiled: CompiledContentDto, noteKind: string | null): AuthoredMeta {
  if (document.kind === "note") return { locale: document.locale, noteKind: noteKind ?? "RECOMMENDATION" };
  const items = [...reviewItemsOf(document.source.body)];
  if (document.kind === "lesson") {
    const data = compiled.data as CompiledContentDto<"lesson">["data"];
    const meta: AuthoredLessonMeta = { locale: document.locale, frontmatter: data.frontmatter, steps: data.steps.map((s) => ({ title: s.title })), items };
    return meta;
  }
  const data = compiled.data as CompiledContentDto<"walkthrough">["data"];
  return { locale: document.locale, frontmatter: data.frontmatter, steps: data.steps.map((s) => ({ id: s.id, title: s.title })), items };
}

/** The shape the edit rules compare (decision 032): screens by title (a guide's by step id) and items. */
export function screensAndItems(kind: string, meta: AuthoredMeta): ScreensAndItems {
  if (kind === "lesson") {
    const m = meta as AuthoredLessonMeta;
    return { screens: m.steps.map((s) => s.title), items: m.items };
  }
  if (kind === "walkthrough") {
    const m = meta as AuthoredWalkthroughMeta;
    return { screens: m.steps.map((s) => s.id), items: m.items };
  }
  return { screens: [], items: [] };
}
