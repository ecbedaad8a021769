// What the oldest browsers we support can parse (docs/decisions/033-browser-targets.md): Chrome 109,
// the last on Windows 7 and 8.1, and Firefox ESR 115. Both parse all of ES2022 (class fields, static
// blocks, `#x in obj`, top-level await, the RegExp `d` flag); neither parses the RegExp `v` flag
// (ES2024: Chrome 112, Firefox 116), and ES2025 syntax (RegExp modifiers, duplicate named groups,
// import attributes) came later still. One syntax error makes a browser drop the whole file, so a
// chunk with any of it breaks every page that loads it.
//
// A compiler cannot rewrite what a regular expression means, so for older targets SWC turns a
// literal like /[\p{L}--[a-z]]/v into `RegExp("[\\p{L}--[a-z]]", "v")`: it parses, then throws
// when it runs. Such calls with literal arguments are checked as if they were literals.
import { parse } from "acorn";

export const ECMA_VERSION = 2022;

/**
 * Built-ins newer than the targets, which transpilers leave alone and Next.js does not polyfill.
 * Calling one throws in an old browser; code that first checks for it is fine, so these are
 * reported, not failed; a method name may also be another library's own method (zod's `.union(`).
 * `since` is the first Chrome and Firefox versions that have it.
 */
export const NEWER_BUILT_INS = [
  { name: "Array.prototype.toSorted", pattern: /\.toSorted\(/g, since: "Chrome 110, Firefox 115" },
  { name: "Array.prototype.toReversed", pattern: /\.toReversed\(/g, since: "Chrome 110, Firefox 115" },
  { name: "Array.prototype.toSpliced", pattern: /\.toSpliced\(/g, since: "Chrome 110, Firefox 115" },
  { name: "Object.groupBy / Map.groupBy", pattern: /\b(?:Object|Map)\.groupBy\b/g, since: "Chrome 117, Firefox 119" },
  { name: "Promise.withResolvers", pattern: /\.withResolvers\b/g, since: "Chrome 119, Firefox 121" },
  { name: "Promise.try", pattern: /\bPromise\.try\b/g, since: "Chrome 128, Firefox 134" },
  { name: "Array.fromAsync", pattern: /\bArray\.fromAsync\b/g, since: "Chrome 121, Firefox 115" },
  { name: "String.prototype.isWellFormed / toWellFormed", pattern: /\.(?:isWellFormed|toWellFormed)\(/g, since: "Chrome 111, Firefox 119" },
  {
    name: "Set methods (union, intersection, …)",
    pattern: /\.(?:union|intersection|difference|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/g,
    since: "Chrome 122, Firefox 127",
  },
  { name: "URL.canParse / URL.parse", pattern: /\bURL\.(?:canParse|parse)\b/g, since: "Chrome 120 / 126, Firefox 115 / 126" },
  { name: "Iterator helpers (Iterator.from …)", pattern: /\bIterator\.(?:from|prototype)\b/g, since: "Chrome 122, Firefox 131" },
  { name: "RegExp.escape", pattern: /\bRegExp\.escape\b/g, since: "Chrome 136, Firefox 134" },
  { name: "Intl.Segmenter", pattern: /\bIntl\.Segmenter\b/g, since: "Chrome 87, Firefox 125" },
];

/**
 * Parses `code` as the oldest targets would. Next.js emits classic scripts, but a file may be a
 * module: it is tried as one, then as a script (which allows sloppy-mode code a module forbids).
 * When both fail, the error that got further into the file is the real one.
 *
 * @param {string} code
 * @param {string} name
 * @returns {{ ok: true, sourceType: "module" | "script" } | { ok: false, file: string, line: number, column: number, message: string, excerpt: string }}
 */
export function checkSource(code, name) {
  const failures = [];
  for (const sourceType of /** @type {const} */ (["module", "script"])) {
    let program;
    try {
      // A hashbang is ES2023 on paper, but Chrome 74 and Firefox 67 already skip it.
      program = parse(code, { ecmaVersion: ECMA_VERSION, sourceType, allowHashBang: true, locations: true });
    } catch (error) {
      if (!(error instanceof SyntaxError) || !("pos" in error)) throw error;
      failures.push(/** @type {SyntaxError & { pos: number, loc: { line: number, column: number } }} */ (error));
      continue;
    }
    const call = findThrowingRegExpCall(program);
    if (!call) return { ok: true, sourceType };
    return {
      ok: false,
      file: name,
      line: call.node.loc.start.line,
      column: call.node.loc.start.column + 1,
      message: `RegExp(…) throws when it runs: ${call.message}`,
      excerpt: excerptAt(code, call.node.start),
    };
  }
  const furthest = failures.reduce((a, b) => (b.pos > a.pos ? b : a));
  return {
    ok: false,
    file: name,
    line: furthest.loc.line,
    // acorn counts columns from 0; editors and stack traces count from 1.
    column: furthest.loc.column + 1,
    message: furthest.message.replace(/ \(\d+:\d+\)$/, ""),
    excerpt: excerptAt(code, furthest.pos),
  };
}

/**
 * The first `RegExp(pattern, flags)` or `new RegExp(…)` whose literal arguments make an expression
 * the targets reject. Calls inside a `try` block are feature checks (`try { RegExp("", "v") } …`).
 */
function findThrowingRegExpCall(program) {
  const pending = [{ node: program, guarded: false }];
  while (pending.length > 0) {
    const { node, guarded } = pending.pop();
    if (!guarded && (node.type === "CallExpression" || node.type === "NewExpression")) {
      const message = regExpCallProblem(node);
      if (message) return { node, message };
    }
    for (const [key, value] of Object.entries(node)) {
      const inside = guarded || (node.type === "TryStatement" && key === "block");
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child.type === "string") pending.push({ node: child, guarded: inside });
      }
    }
  }
  return null;
}

function regExpCallProblem(node) {
  if (node.callee.type !== "Identifier" || node.callee.name !== "RegExp") return null;
  const [pattern, flags] = node.arguments.map((argument) => (argument.type === "Literal" && typeof argument.value === "string" ? argument.value : null));
  if (node.arguments.length > 1 && flags === null) return null;
  // An empty pattern would make `//`, a comment; `(?:)` is what RegExp("").source says.
  const source = pattern === null || pattern === "" ? "(?:)" : asRegExpLiteral(pattern);
  try {
    parse(`/${source}/${flags ?? ""}`, { ecmaVersion: ECMA_VERSION });
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return error.message.replace(/ \(\d+:\d+\)$/, "");
  }
}

/** The body of a regular expression literal that means what `RegExp(pattern)` means. */
function asRegExpLiteral(pattern) {
  let body = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") body += char + (pattern[++i] ?? "");
    else if (char === "/") body += "\\/";
    else if (char === "\n") body += "\\n";
    else if (char === "\r") body += "\\r";
    else if (char === "\u2028") body += "\\u2028";
    else if (char === "\u2029") body += "\\u2029";
    else body += char;
  }
  return body;
}

/**
 * Where `code` calls a built-in newer than the targets, one entry per built-in.
 *
 * @param {string} code
 * @returns {{ name: string, since: string, count: number, excerpt: string }[]}
 */
export function findNewerBuiltIns(code) {
  const found = [];
  for (const { name, pattern, since } of NEWER_BUILT_INS) {
    const matches = [...code.matchAll(pattern)];
    const first = matches[0];
    if (first) found.push({ name, since, count: matches.length, excerpt: excerptAt(code, first.index) });
  }
  return found;
}

/** Built chunks are minified onto a few long lines: show the characters around a position instead. */
function excerptAt(code, pos) {
  const start = Math.max(0, pos - 40);
  const end = Math.min(code.length, pos + 40);
  return `${start > 0 ? "…" : ""}${code.slice(start, end).replace(/\s+/g, " ")}${end < code.length ? "…" : ""}`;
}
