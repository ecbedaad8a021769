import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith(".tsx") ? [path] : [];
  });
}

/** Each `<form …>` opening tag in a source file (an arrow's `=>` inside braces does not end it). */
function formTags(source: string): string[] {
  const tags: string[] = [];
  for (const match of source.matchAll(/<form\b/g)) {
    let depth = 0;
    let end = match.index + 5;
    for (; end < source.length; end++) {
      const c = source[end];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0) break;
    }
    tags.push(source.slice(match.index, end + 1));
  }
  return tags;
}

describe("forms", () => {
  // Pages show their text before their scripts run (decision 038), and on a slow link that moment
  // is long: a form sent before its script has run is sent by the browser itself, and without a
  // method that is a GET, which would put a password or a post about a client into the address,
  // the history and server logs. Every form says post (or has its own action).
  it('are never sent by GET: each one has method="post" or an action of its own', () => {
    const offenders = ["app", "features", "ui"]
      .flatMap((dir) => tsxFiles(dir))
      .flatMap((file) =>
        formTags(readFileSync(file, "utf8"))
          .filter((tag) => !/\bmethod=/.test(tag) && !/\baction=/.test(tag))
          .map((tag) => `${file}: ${tag.slice(0, 60)}`),
      );
    expect(offenders).toEqual([]);
  });

  // A client form hydrates after the person may have typed into it (decision 044): its `ref` replays
  // what was typed so the component's state does not wipe it.
  it("in client components keep what was typed before the scripts ran (ref={keepEarlyInput})", () => {
    const offenders = ["app", "features", "ui"]
      .flatMap((dir) => tsxFiles(dir))
      .filter((file) => /^["']use client["'];/m.test(readFileSync(file, "utf8")))
      .flatMap((file) =>
        formTags(readFileSync(file, "utf8"))
          .filter((tag) => !/\bref=\{keepEarlyInput\}/.test(tag))
          .map((tag) => `${file}: ${tag.slice(0, 60)}`),
      );
    expect(offenders).toEqual([]);
  });

  it("finds the forms it checks", () => {
    expect(formTags(`<form method="post" onSubmit={(e) => void submit(e)} className="x">`)).toEqual([
      `<form method="post" onSubmit={(e) => void submit(e)} className="x">`,
    ]);
    expect(tsxFiles("features").flatMap((f) => formTags(readFileSync(f, "utf8"))).length).toBeGreaterThan(20);
  });
});
