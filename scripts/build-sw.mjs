// Builds the service worker (features/offline/sw/service-worker.ts, decision 036) into public/sw.js:
// one script for the browsers we support (decision 033), with the offline page's texts from
// messages/*.json. Part of every build (scripts/build.mjs).
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const messages = Object.fromEntries(
  ["uk", "en"].map((locale) => [locale, JSON.parse(readFileSync(join(root, "messages", `${locale}.json`), "utf8")).offlinePage]),
);
for (const [locale, texts] of Object.entries(messages)) {
  if (!texts) throw new Error(`messages/${locale}.json has no "offlinePage" texts for the service worker.`);
}

await build({
  entryPoints: [join(root, "features/offline/sw/service-worker.ts")],
  outfile: join(root, "public/sw.js"),
  bundle: true,
  format: "iife",
  minify: true,
  legalComments: "none",
  target: ["chrome109", "edge109", "firefox115", "safari16.4"],
  define: {
    "self.__SW_MANIFEST": "[]",
    __OFFLINE_MESSAGES__: JSON.stringify(messages),
    "process.env.NODE_ENV": '"production"',
  },
  logLevel: "warning",
});
console.info("Service worker: public/sw.js");
