import { describe, expect, it } from "vitest";
import { checkSource, findNewerBuiltIns } from "./browser-syntax.mjs";

// What Chrome 109 and Firefox 115 parse (decision 033).
describe("checkSource", () => {
  const parses: Array<{ name: string; code: string }> = [
    {
      name: "ES2022 classes: fields, private methods, static blocks, `#x in obj`",
      code: "class A { #x = 1; static y; static { this.y = 2; } #m() { return this.#x; } static has(o) { return #x in o; } }",
    },
    { name: "top-level await and the RegExp d flag", code: "const m = /a(b)/d.exec(await load());" },
    { name: "ES2021 logical assignment and numeric separators", code: "let a; a ??= 1_000; a ||= 2; a &&= 3;" },
    { name: "optional chaining and nullish coalescing", code: "const v = a?.b?.[c]?.(d) ?? e;" },
    { name: "sloppy-mode scripts, which no module allows", code: "with (scope) { value = 010; }" },
    { name: "a hashbang (skipped since Chrome 74 and Firefox 67)", code: "#!/usr/bin/env node\nrun();" },
  ];
  for (const { name, code } of parses) {
    it(`passes ${name}`, () => {
      expect(checkSource(code, "snippet.js")).toMatchObject({ ok: true });
    });
  }

  // acorn places an error in a regular expression literal at its first character after the slash.
  const fails: Array<{ name: string; code: string; column: number; message: RegExp }> = [
    { name: "the RegExp v flag (ES2024: Chrome 112, Firefox 116)", code: "const r = /[\\p{L}--[a-z]]/v;", column: 12, message: /flag/ },
    { name: "RegExp modifiers (ES2025)", code: "const r = /(?i:a)b/;", column: 12, message: /Invalid group/ },
    { name: "duplicate named capture groups (ES2025)", code: "const r = /(?<y>a)|(?<y>b)/;", column: 12, message: /Duplicate capture group/ },
    { name: "import attributes (ES2025)", code: 'import data from "./a.json" with { type: "json" };', column: 29, message: /Unexpected token/ },
    { name: "`using` declarations (explicit resource management)", code: "{\n  using handle = open();\n}", column: 9, message: /Unexpected token/ },
  ];
  for (const { name, code, column, message } of fails) {
    it(`fails ${name} with its place`, () => {
      const result = checkSource(code, "chunks/app.js");
      expect(result).toMatchObject({ ok: false, file: "chunks/app.js", column });
      if (result.ok) return;
      expect(result.message).toMatch(message);
      expect(result.excerpt.length).toBeGreaterThan(0);
    });
  }

  // SWC rewrites /…/v for older targets as RegExp("…", "v"): it parses, then throws when it runs.
  const throwingCalls: Array<{ name: string; code: string; message: RegExp }> = [
    { name: "SWC's rewrite of a v-flag literal", code: 'export const letters = RegExp("[\\p{L}--[a-z]]", "v");', message: /flag/ },
    { name: "a v flag on a pattern only known at run time", code: "const r = new RegExp(source, 'v');", message: /flag/ },
    { name: "RegExp modifiers in a string", code: 'const r = new RegExp("(?i:a)b");', message: /Invalid group/ },
    { name: "duplicate named groups in a string", code: 'const r = RegExp("(?<y>a)|(?<y>b)", "g");', message: /Duplicate capture group/ },
  ];
  for (const { name, code, message } of throwingCalls) {
    it(`fails ${name}`, () => {
      const result = checkSource(code, "chunks/app.js");
      expect(result).toMatchObject({ ok: false, line: 1 });
      if (result.ok) return;
      expect(result.message).toMatch(/^RegExp\(…\) throws when it runs: /);
      expect(result.message).toMatch(message);
    });
  }

  it("passes RegExp calls the targets accept, feature checks and calls it cannot judge", () => {
    const code = [
      'const a = RegExp("a/b\\n", "gu"), b = new RegExp(""), c = RegExp("(?<=@)[\\p{L}]+", "su");',
      'const d = RegExp(source), e = new RegExp(source, flags), f = other.RegExp("(?i:a)");',
      'let hasV; try { hasV = !!new RegExp("", "v"); } catch { hasV = false; }',
    ].join("\n");
    expect(checkSource(code, "a.js")).toMatchObject({ ok: true });
  });

  it("counts lines and columns from 1, as editors do", () => {
    expect(checkSource("ok();\nok();\nconst r = /x/v;", "a.js")).toMatchObject({ ok: false, line: 3, column: 12 });
  });

  it("reports the error of the parse that got further, not the module parse's first complaint", () => {
    // Sloppy-mode `with` stops a module parse at once; the real problem is later in the script.
    const result = checkSource("with (a) { b(); }\nconst r = /x/v;", "a.js");
    expect(result).toMatchObject({ ok: false, line: 2 });
  });
});

describe("findNewerBuiltIns", () => {
  it("names built-ins newer than the targets, with a count and the first place", () => {
    const found = findNewerBuiltIns("const g = Object.groupBy(xs, f); const { promise } = Promise.withResolvers(); Object.groupBy(ys, f);");
    expect(found.map(({ name, count }) => ({ name, count }))).toEqual([
      { name: "Object.groupBy / Map.groupBy", count: 2 },
      { name: "Promise.withResolvers", count: 1 },
    ]);
    expect(found[0]?.excerpt).toContain("Object.groupBy(xs");
  });

  it("leaves alone what both targets have", () => {
    expect(findNewerBuiltIns("xs.findLast(f); xs.at(-1); structuredClone(v); Object.hasOwn(o, k);")).toEqual([]);
  });
});
