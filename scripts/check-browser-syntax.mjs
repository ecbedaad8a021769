// `node scripts/check-browser-syntax.mjs` after `next build`: every JavaScript file the build sends
// to browsers (.next/static) must parse in Chrome 109 and Firefox 115 (decision 033). Fails with the
// file, line, column and syntax that does not; lists built-ins newer than those browsers, which only
// matter where the code calls them without checking first.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { checkSource, findNewerBuiltIns, ECMA_VERSION } from "./browser-syntax.mjs";

const root = join(process.cwd(), ".next", "static");
if (!existsSync(root)) {
  console.error("No .next/static: run `npm run build` first.");
  process.exit(1);
}

// The build's scripts, and the service worker (scripts/build-sw.mjs) when it was built.
const serviceWorker = join(process.cwd(), "public", "sw.js");
const files = [
  ...readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".js"))
    .sort(),
  ...(existsSync(serviceWorker) ? [relative(root, serviceWorker)] : []),
];
const failures = [];
const builtIns = new Map();
let bytes = 0;
for (const path of files) {
  const code = readFileSync(join(root, path), "utf8");
  const name = relative(process.cwd(), join(root, path));
  bytes += Buffer.byteLength(code);
  const result = checkSource(code, name);
  if (!result.ok) failures.push(result);
  for (const hit of findNewerBuiltIns(code)) {
    const seen = builtIns.get(hit.name) ?? { since: hit.since, files: [] };
    seen.files.push({ name, count: hit.count, excerpt: hit.excerpt });
    builtIns.set(hit.name, seen);
  }
}

console.info(`Parsed ${files.length} files (${(bytes / 1024).toFixed(0)} KB) as ES${ECMA_VERSION}.`);
if (builtIns.size > 0) {
  console.info("\nBuilt-ins newer than Chrome 109 / Firefox 115 (fine behind a feature check; check any new entry):");
  for (const [name, { since, files: where }] of builtIns) {
    console.info(`  ${name} (${since}): ${where.length} file(s)`);
    for (const { name: file, count, excerpt } of where) console.info(`    ${file} ×${count}: ${excerpt}`);
  }
}
// Chrome before 111 drops a declaration it cannot read: a colour in oklch() leaves text on no
// background. The palette the app uses is given in hex in app/globals.css.
const cssWithOklch = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".css"))
  .flatMap((path) => {
    const css = readFileSync(join(root, path), "utf8");
    const colours = [...new Set(css.match(/--color-[a-z]+-\d+:\s*oklch\([^)]*\)/g) ?? [])];
    return colours.length ? [{ file: relative(process.cwd(), join(root, path)), colours }] : [];
  });
if (cssWithOklch.length > 0) {
  console.error("\nColours in oklch(), which Chrome 109 drops (give them in hex in app/globals.css @theme):");
  for (const { file, colours } of cssWithOklch) console.error(`  ${file}: ${colours.join(", ")}`);
  process.exitCode = 1;
}
if (failures.length > 0) {
  console.error(`\n${failures.length} file(s) use syntax newer than ES${ECMA_VERSION}, which Chrome 109 or Firefox 115 cannot parse:`);
  for (const f of failures) console.error(`  ${f.file}:${f.line}:${f.column} ${f.message}\n    ${f.excerpt}`);
  process.exit(1);
}
