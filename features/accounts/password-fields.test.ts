import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every .tsx file under the folders that hold pages and components. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".tsx") ? [join(dir, entry.name)] : [],
  );
}

describe("password fields (ASVS 6.2: paste allowed, managers welcome)", () => {
  const files = ["app", "features", "ui"].flatMap(sources).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  const passwordFields = files.filter(({ text }) => /type="password"/.test(text));

  it("exist, and no page or component blocks pasting, copying or dropping text", () => {
    expect(passwordFields.length).toBeGreaterThanOrEqual(3);
    const blocking = files.filter(({ text }) => /\bon(Paste|Copy|Cut|Drop)\b|preventDefault\(\)[^;]*paste/i.test(text)).map(({ file }) => file);
    expect(blocking).toEqual([]);
  });

  it("ask the browser to offer a saved or a new password", () => {
    let checked = 0;
    for (const { file, text } of passwordFields) {
      const fields = text.match(/<(?:Field|input)\b[^>]*type="password"[^>]*>/gs) ?? [];
      for (const field of fields) expect(field, file).toMatch(/autoComplete="(current-password|new-password)"/);
      checked += fields.length;
    }
    expect(checked).toBeGreaterThanOrEqual(passwordFields.length);
  });
});
