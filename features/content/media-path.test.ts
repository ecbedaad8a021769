import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getFramework } from "../competences/server/framework";
import { checkMdx, type CheckContext } from "../authoring/safe-mdx";
import { compileChecked } from "../authoring/compile-checked";
import { screenPath } from "../walkthroughs/compile";
import { authoredFileId, authoredFileRef, authoredFileRefs, mediaAttributePaths, mediaPath } from "./media-path";

describe("names of uploaded files in a document", () => {
  it("reads ./f-<id>.<ext> with the type its extension says, and nothing else", () => {
    expect(authoredFileRef("./f-ckxyz123.png")).toEqual({ id: "ckxyz123", contentType: "image/png" });
    expect(authoredFileRef("./f-ckxyz123.jpg")).toEqual({ id: "ckxyz123", contentType: "image/jpeg" });
    expect(authoredFileRef("./f-ckxyz123.jpeg")).toEqual({ id: "ckxyz123", contentType: "image/jpeg" });
    expect(authoredFileRef("./f-ckxyz123.svg")).toEqual({ id: "ckxyz123", contentType: "image/svg+xml" });
    for (const other of ["./f-ckxyz123.pdf", "./f-CKXYZ.png", "./f-ck-xyz.png", "./f-.png", "f-ck.png", "/f-ck.png", "./sub/f-ck.png", "./f-ck.png?x", "./screen.svg"]) {
      expect(authoredFileId(other), other).toBeNull();
    }
  });

  it("finds every uploaded file a text names, once each, wherever it is named", () => {
    const text = `<GuideStep screen="./f-aa1.png">…</GuideStep>
<Figure src="./f-bb2.svg" alt="Схема" />
![Знімок](./f-cc3.jpg) and again ![](./f-aa1.png), [a link](./f-dd4.jpeg).
Not these: ./f-ee5.pdf, x./f-ff6.png, ./f-gg7.pngx, ./screen.svg`;
    expect(authoredFileRefs(text).map((r) => r.file)).toEqual(["./f-aa1.png", "./f-bb2.svg", "./f-cc3.jpg", "./f-dd4.jpeg"]);
  });

  it("serves uploaded files from the file route and content/'s from the document's folder", () => {
    expect(mediaPath("/lesson-media/l1", "./f-ckxyz.png")).toBe("/api/v1/files/ckxyz");
    expect(mediaPath("/lesson-media/l1", "./diagram.svg")).toBe("/lesson-media/l1/diagram.svg");
    expect(mediaPath(null, "./diagram.svg")).toBe("./diagram.svg");
    expect(mediaPath(null, "./f-ckxyz.svg")).toBe("/api/v1/files/ckxyz");
    expect(mediaPath("/lesson-media/l1", "/already/there.png")).toBe("/already/there.png");
    expect(screenPath("diia-sign-in", "./login.svg")).toBe("/walkthrough-media/diia-sign-in/login.svg");
    expect(screenPath("diia-sign-in", "./f-ckshot.jpg")).toBe("/api/v1/files/ckshot");
    expect(mediaAttributePaths('<Figure src="./f-ab.svg" /> <Figure src="./x.png" /> screen="./y.svg"', "src", "/m/l")).toBe(
      '<Figure src="/api/v1/files/ab" /> <Figure src="/m/l/x.png" /> screen="./y.svg"',
    );
  });
});

describe("documents written in the app compile with their uploaded files' paths", () => {
  const context = (kind: "lessons" | "walkthroughs", id: string, uploads: Record<string, { contentType: string }> = {}): CheckContext => ({
    locale: "uk",
    competenceIds: new Set(getFramework().competences.map((c) => c.id)),
    lessonIds: new Set(readdirSync("content/lessons")),
    readScreen: (screen) => {
      const upload = uploads[screen];
      if (upload) return { text: "", bytes: 100_000, contentType: upload.contentType };
      const file = join("content", kind, id, screen.slice(2));
      return existsSync(file) ? { text: readFileSync(file, "utf8"), bytes: statSync(file).size } : null;
    },
  });

  it("maps a lesson's Figure src and Markdown images to /api/v1/files/<id>", async () => {
    const text = readFileSync("content/lessons/strong-passwords/uk.mdx", "utf8").replace(
      /\n## /,
      `\n<Figure src="./f-ckfig1.svg" alt="Схема надійного пароля" />\n\n![Знімок екрана](./f-ckimg2.png)\n\n## `,
    );
    const { checked, problems } = checkMdx("lesson", text, context("lessons", "strong-passwords"));
    expect(problems).toEqual([]);
    const compiled = await compileChecked(checked!);
    if (compiled.kind !== "lesson") throw new Error("a lesson compiles to a lesson");
    for (const id of ["ckfig1", "ckimg2"]) expect(compiled.compiled.code).toContain(`/api/v1/files/${id}`);
    expect(compiled.compiled.code).not.toContain("./f-");
  });

  it("maps a quiz item's Markdown image in the item compiled for review too", async () => {
    const text = readFileSync("content/lessons/strong-passwords/uk.mdx", "utf8").replace(/(<Quiz\b[^>]*>)/, "$1\n\n![Приклад](./f-ckquiz.png)\n");
    const { checked, problems } = checkMdx("lesson", text, context("lessons", "strong-passwords"));
    expect(problems).toEqual([]);
    const compiled = await compileChecked(checked!);
    if (compiled.kind !== "lesson") throw new Error("a lesson compiles to a lesson");
    expect(compiled.compiled.items.some((item) => item.code.includes("/api/v1/files/ckquiz"))).toBe(true);
  });

  it("maps a guide's uploaded PNG screen in the code and in its steps, and keeps content/'s screens where they were", async () => {
    const original = readFileSync("content/walkthroughs/diia-sign-in/uk.mdx", "utf8");
    const first = /screen="(\.\/[\w.-]+)"/.exec(original)![1]!;
    const text = original.replace(`screen="${first}"`, 'screen="./f-ckshot.png"');
    const { checked, problems } = checkMdx("walkthrough", text, context("walkthroughs", "diia-sign-in", { "./f-ckshot.png": { contentType: "image/png" } }));
    expect(problems).toEqual([]);
    const compiled = await compileChecked(checked!);
    if (compiled.kind !== "walkthrough") throw new Error("a guide compiles to a guide");
    expect(compiled.compiled.steps[0]!.screen).toBe("/api/v1/files/ckshot");
    expect(compiled.compiled.steps[1]!.screen).toMatch(/^\/walkthrough-media\/diia-sign-in\/[\w.-]+\.svg$/);
    expect(compiled.compiled.code).toContain('"/api/v1/files/ckshot"');
  });

  it("maps a note's uploaded images; a note has no folder, so other relative names stay as written", async () => {
    const text = 'Вступ.\n\n<Figure src="./f-cknote1.svg" alt="Схема маршруту" />\n\n![Знімок](./f-cknote2.jpg)\n';
    const { checked, problems } = checkMdx("note", text, context("lessons", "none"));
    expect(problems).toEqual([]);
    const compiled = await compileChecked(checked!);
    expect(compiled.kind === "note" && compiled.compiled.code).toMatch(/\/api\/v1\/files\/cknote1[\s\S]*\/api\/v1\/files\/cknote2/);
  });
});
