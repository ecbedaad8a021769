// Which message keys client components use, so that a page hands them only those (ui/client-messages.tsx)
// instead of whole namespaces: every page's HTML carries the messages twice over the wire it must
// not waste (issue 13's budgets). Client code calls `useT("namespace")` and then `t("literal.key")`
// (the project's rule for client strings), which this reads from the source:
// - `t("a.b")` uses that key; `t(\`kinds.${k}\`)` every key under `kinds.`;
// - any other call of a namespaced `t` (a variable, a condition), or `t` handed on as a value, uses
//   the whole namespace — never too few keys;
// - `useT(kind)` with a variable namespace: its literal keys count in every namespace that has them;
// - `useT("authoring.mdx")`: keys of the "authoring" namespace under "mdx.";
// - `useT()` without a namespace takes full keys (`t("admin.title")`); one it cannot read is an error
//   to fix in the code (name the namespace), since it could be any namespace at all.
// Usage: node scripts/client-message-keys.mjs [--write]   (writes ui/client-message-keys.json;
// ui/client-message-keys.test.ts fails when the file is not what the source says).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const KEYS_FILE = join(ROOT, "ui", "client-message-keys.json");
const FOLDERS = ["app", "features", "ui"];

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

/**
 * What one file's `useT` calls use: `{ keys: Map<namespace, Set<key>>, whole: Set<namespace>,
 * anyNamespace: Set<key>, problems: string[] }`. Keys ending in "." are prefixes (a subtree; "."
 * alone is the whole namespace). Read from the syntax tree, so strings and comments never count.
 */
export function scanSource(source, file = "source.tsx") {
  const keys = new Map();
  const whole = new Set();
  const anyNamespace = new Set();
  const problems = [];
  const add = (namespace, key) => {
    if (!keys.has(namespace)) keys.set(namespace, new Set());
    keys.get(namespace).add(key);
  };
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const text = (node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null);
  /** name → the namespaces bound to it in this file ("" none, null a variable). */
  const bindings = new Map();
  const declarations = new Set();
  const visitBindings = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      if (ts.isIdentifier(call.expression) && call.expression.text === "useT") {
        const arg = call.arguments[0];
        const namespace = arg === undefined ? "" : text(arg);
        if (!bindings.has(node.name.text)) bindings.set(node.name.text, new Set());
        bindings.get(node.name.text).add(namespace);
        declarations.add(node.name);
      }
    }
    ts.forEachChild(node, visitBindings);
  };
  visitBindings(tree);

  const take = (namespaces, key) => {
    for (const ns of namespaces) {
      if (ns === null) anyNamespace.add(key);
      else if (ns === "") {
        const [first, ...rest] = key.split(".");
        if (rest.length === 0) problems.push(`${file}: t("${key}") names no namespace`);
        else add(first, rest.join(".") || ".");
      } else {
        // useT("authoring.mdx"): keys of the "authoring" namespace under "mdx.".
        const [first, ...rest] = ns.split(".");
        add(first, [...rest, key].join("."));
      }
    }
  };
  const takeWhole = (namespaces, node, why) => {
    for (const ns of namespaces) {
      if (ns === null || ns === "") {
        const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
        problems.push(`${file}:${line + 1}: ${why} — name the namespace in useT("…") so that its keys can be known`);
      } else if (ns.includes(".")) add(ns.slice(0, ns.indexOf(".")), `${ns.slice(ns.indexOf(".") + 1)}.`);
      else whole.add(ns);
    }
  };
  /** The keys an argument can be: literals, both literal branches of a condition, a template's fixed start. */
  const keysOf = (arg) => {
    const literal = text(arg);
    if (literal !== null) return [literal];
    if (ts.isParenthesizedExpression(arg)) return keysOf(arg.expression);
    if (ts.isConditionalExpression(arg)) {
      const [a, b] = [keysOf(arg.whenTrue), keysOf(arg.whenFalse)];
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isTemplateExpression(arg) && arg.head.text.includes(".")) return [arg.head.text.slice(0, arg.head.text.lastIndexOf(".") + 1)];
    return null;
  };
  const HOOKS = new Set(["useEffect", "useCallback", "useMemo", "useLayoutEffect"]);
  const visitUses = (node) => {
    if (ts.isIdentifier(node) && bindings.has(node.text) && !declarations.has(node)) {
      const namespaces = bindings.get(node.text);
      const parent = node.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (isPropertyName) {
        // `x.t` or `{ t: … }`: another name that happens to be the same.
      } else if (ts.isCallExpression(parent) && parent.expression === node) {
        const found = parent.arguments[0] ? keysOf(parent.arguments[0]) : null;
        if (found) found.forEach((key) => take(namespaces, key));
        else takeWhole(namespaces, parent, `${node.text}(${parent.arguments[0]?.getText().slice(0, 40) ?? ""})`);
      } else if (
        ts.isArrayLiteralExpression(parent) &&
        ts.isCallExpression(parent.parent) &&
        ts.isIdentifier(parent.parent.expression) &&
        HOOKS.has(parent.parent.expression.text)
      ) {
        // Listed among a hook's dependencies: not a use.
      } else takeWhole(namespaces, node, `${node.text} handed on as a value`);
    }
    ts.forEachChild(node, visitUses);
  };
  visitUses(tree);
  return { keys, whole, anyNamespace, problems };
}

/** Every client key, by namespace: a sorted list of keys and prefixes, or "*" for the whole namespace. */
export function collectClientMessageKeys(root = ROOT) {
  const keys = new Map();
  const whole = new Set();
  const anyNamespace = new Set();
  const problems = [];
  for (const folder of FOLDERS) {
    for (const path of sourceFiles(join(root, folder))) {
      const source = readFileSync(path, "utf8");
      if (!source.includes("useT(")) continue;
      const found = scanSource(source, relative(root, path));
      for (const [ns, set] of found.keys) {
        if (!keys.has(ns)) keys.set(ns, new Set());
        for (const k of set) keys.get(ns).add(k);
      }
      found.whole.forEach((ns) => whole.add(ns));
      found.anyNamespace.forEach((k) => anyNamespace.add(k));
      problems.push(...found.problems);
    }
  }
  const result = {};
  for (const ns of [...new Set([...keys.keys(), ...whole])].sort()) result[ns] = whole.has(ns) ? "*" : [...keys.get(ns)].sort();
  return { keys: { ...result, "*": [...anyNamespace].sort() }, problems };
}

export const serialise = (keys) => `${JSON.stringify(keys, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { keys, problems } = collectClientMessageKeys();
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  if (process.argv.includes("--write")) writeFileSync(KEYS_FILE, serialise(keys));
  else process.stdout.write(serialise(keys));
}
