import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isContentStale } from "./global";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function touch(file: string, secondsAgo: number) {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

/** A checkout with one lesson file written `sourceAge` seconds ago, compiled `builtAge` seconds ago (or never). */
function checkout(sourceAge: number, builtAge?: number): { root: string; lesson: string } {
  const root = mkdtempSync(join(tmpdir(), "skh-content-"));
  roots.push(root);
  const lesson = join(root, "content", "lessons", "strong-passwords", "uk.mdx");
  mkdirSync(join(root, "content", "lessons", "strong-passwords"), { recursive: true });
  writeFileSync(lesson, "---\nid: strong-passwords\n---\n");
  touch(lesson, sourceAge);
  for (const dir of ["content/lessons/strong-passwords", "content/lessons", "content"]) touch(join(root, dir), sourceAge);
  if (builtAge !== undefined) {
    mkdirSync(join(root, ".content"));
    writeFileSync(join(root, ".content", "index.json"), "{}");
    touch(join(root, ".content", "index.json"), builtAge);
  }
  return { root, lesson };
}

describe("the test run's content build", () => {
  it("compiles when .content/ was never built (a fresh clone)", () => {
    expect(isContentStale(checkout(60).root)).toBe(true);
  });

  it("skips compiling when .content/ is newer than every source", () => {
    expect(isContentStale(checkout(60, 30).root)).toBe(false);
  });

  it("compiles again when a lesson changed after the last build", () => {
    const { root, lesson } = checkout(60, 30);
    touch(lesson, 0);
    expect(isContentStale(root)).toBe(true);
  });
});
