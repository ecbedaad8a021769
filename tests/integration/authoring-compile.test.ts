import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { bundleMDX } from "mdx-bundler";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../../server/db/client";
import { getFramework } from "../../features/competences/server/framework";
import { readCompiled } from "../../features/content/compiled";
import type { CompiledLesson } from "../../features/lessons/compile";
import type { CompiledWalkthrough } from "../../features/walkthroughs/compile";
import { checkMdx, type CheckContext, type CheckedMdx } from "../../features/authoring/safe-mdx";
import { compileAndStore, compileApproved, compiledContentKey, findCompiledContent } from "../../features/authoring/server/compile-approved";
import { MALICIOUS_CORPUS } from "../fixtures/malicious-mdx";

/** Safe MDX compiled once per published version and shared through the database (decision 028). */

vi.mock("mdx-bundler", async (importOriginal) => {
  const original = await importOriginal<typeof import("mdx-bundler")>();
  return { ...original, bundleMDX: vi.fn(original.bundleMDX) };
});
const compilerCalls = () => vi.mocked(bundleMDX).mock.calls.length;

const context = (kind: "lessons" | "walkthroughs", id: string, locale: "uk" | "en" = "uk"): CheckContext => ({
  locale,
  competenceIds: new Set(getFramework().competences.map((c) => c.id)),
  lessonIds: new Set(readdirSync("content/lessons")),
  readScreen: (screen) => {
    const file = join("content", kind, id, screen.slice(2));
    return existsSync(file) ? { text: readFileSync(file, "utf8"), bytes: statSync(file).size } : null;
  },
});
const source = (kind: "lessons" | "walkthroughs", id: string) => readFileSync(join("content", kind, id, "uk.mdx"), "utf8");

function checkedLesson(id: string, text = source("lessons", id)) {
  const { checked, problems } = checkMdx("lesson", text, context("lessons", id));
  expect(problems).toEqual([]);
  return checked!;
}

let versions = 0;
/** A version key of its own for each test: the tests share one database and pass in any order. */
const versionKey = (name: string) => `test-${name}-${Date.now().toString(36)}-${versions++}`;

describe("compiling an approved document", () => {
  it.each(["strong-passwords", "recognise-phishing"])("compiles lesson %s to what the built-in pipeline compiles, and stores it", async (id) => {
    const version = versionKey(id);
    const stored = await compileApproved("lesson", checkedLesson(id), version);
    const builtIn = readCompiled<CompiledLesson>("lessons", `${id}.uk`)!;
    expect(stored.code).toBe(builtIn.code);
    expect(stored.data).toEqual({ id: builtIn.id, locale: builtIn.locale, frontmatter: builtIn.frontmatter, steps: builtIn.steps, items: builtIn.items });
    const row = await getDb().compiledContent.findUniqueOrThrow({ where: { key: stored.key } });
    expect(row).toMatchObject({ kind: "lesson", versionKey: version, code: builtIn.code });
  });

  it("compiles a walkthrough to what the built-in pipeline compiles", async () => {
    const { checked, problems } = checkMdx("walkthrough", source("walkthroughs", "diia-sign-in"), context("walkthroughs", "diia-sign-in"));
    expect(problems).toEqual([]);
    const stored = await compileApproved("walkthrough", checked!, versionKey("guide"));
    const builtIn = readCompiled<CompiledWalkthrough>("walkthroughs", "diia-sign-in.uk")!;
    expect(stored.code).toBe(builtIn.code);
    expect(stored.data).toEqual({ id: builtIn.id, locale: builtIn.locale, frontmatter: builtIn.frontmatter, steps: builtIn.steps, items: builtIn.items });
  });

  it("compiles a methodology note, with lesson links as paths", async () => {
    const { checked } = checkMdx("note", "## Порядок\n\nДив. [урок](lesson:strong-passwords).\n", context("lessons", "none"));
    const stored = await compileApproved("note", checked!, versionKey("note"));
    expect(stored.code).toContain("/lessons/strong-passwords");
    expect(stored.data).toEqual({ locale: "uk" });
  });

  it("compiles a version once: later calls read the stored row", async () => {
    const checked = checkedLesson("strong-passwords");
    const version = versionKey("once");
    const first = await compileApproved("lesson", checked, version);
    const calls = compilerCalls();
    const again = await compileApproved("lesson", checkedLesson("strong-passwords"), version);
    expect(compilerCalls()).toBe(calls);
    expect(again).toEqual(first);
    expect(await findCompiledContent(first.key)).toEqual(first);
  });

  it("keys by the text as well as the version: an edited text under the same version compiles anew", async () => {
    const version = versionKey("edited");
    const first = await compileApproved("lesson", checkedLesson("strong-passwords"), version);
    const edited = source("lessons", "strong-passwords").replace("## ", "## Змінено: ");
    const second = await compileApproved("lesson", checkedLesson("strong-passwords", edited), version);
    expect(second.key).not.toBe(first.key);
    expect(second.code).not.toBe(first.code);
    // The code escapes Cyrillic; the screens' titles show the edit as written.
    expect(JSON.stringify(second.data)).toContain("Змінено");
  });
});

describe("one row per version, however many compile it at once", () => {
  it("stores one row when several servers compile the same version at the same moment", async () => {
    const checked = checkedLesson("strong-passwords");
    const version = versionKey("servers");
    const key = compiledContentKey("lesson", version, checked.contentHash);
    // compileAndStore is one server's path (no in-process sharing): four servers racing.
    const results = await Promise.all([1, 2, 3, 4].map(() => compileAndStore(key, checked, version)));
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
    expect(new Set(results.map((r) => r.compiledAt.getTime())).size).toBe(1);
    expect(await getDb().compiledContent.count({ where: { versionKey: version } })).toBe(1);
  });

  it("compiles once on one server when many requests publish the same version together", async () => {
    const checked = checkedLesson("recognise-phishing");
    const before = compilerCalls();
    await compileApproved("lesson", checkedLesson("recognise-phishing"), versionKey("single"));
    const perCompile = compilerCalls() - before;

    const version = versionKey("together");
    const start = compilerCalls();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => compileApproved("lesson", checked, version)));
    expect(compilerCalls() - start).toBe(perCompile);
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    expect(await getDb().compiledContent.count({ where: { versionKey: version } })).toBe(1);
  });

  it("lets the database refuse a row that breaks the table's rules", async () => {
    const hash = "a".repeat(64);
    const insert = (kind: string, key: string) =>
      getDb()
        .$executeRaw`INSERT INTO "CompiledContent" ("key", "kind", "versionKey", "contentHash", "code", "data") VALUES (${key}, ${kind}, 'v', ${hash}, 'x', '{}'::jsonb)`;
    await expect(insert("script", `v1/script/v/${hash}`)).rejects.toThrow();
    await expect(insert("note", "v1/note/v/another-hash")).rejects.toThrow();
  });
});

describe("nothing unchecked reaches the compiler", () => {
  it("refuses every document of the malicious corpus before compiling, and forged or mismatched checks too", async () => {
    const before = compilerCalls();
    for (const c of MALICIOUS_CORPUS) {
      const { checked } = checkMdx(c.kind, c.text, context("lessons", "none"));
      expect(checked).toBeNull();
      const forged = { kind: c.kind, locale: "uk", text: c.text, contentHash: "b".repeat(64), source: { body: c.text, text: c.text, locale: "uk" } };
      await expect(compileApproved(c.kind, forged as unknown as CheckedMdx & { kind: typeof c.kind }, versionKey("forged"))).rejects.toThrow(/checkMdx/);
    }
    const lesson = checkedLesson("strong-passwords");
    await expect(compileApproved("note", lesson as unknown as CheckedMdx & { kind: "note" }, versionKey("kind"))).rejects.toThrow(/same kind/);
    await expect(compileApproved("lesson", lesson, "bad key/../x")).rejects.toThrow(/version key/);
    expect(compilerCalls()).toBe(before);
    expect(await getDb().compiledContent.count({ where: { versionKey: { startsWith: "test-forged-" } } })).toBe(0);
  });
});
