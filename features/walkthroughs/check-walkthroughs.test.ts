import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { checkWalkthroughBody, checkWalkthroughs, type ScreenFile } from "./check-walkthroughs";

const COMPETENCES = new Set(["2.1", "SW.1"]);
const LESSONS = new Set(["diia-for-clients"]);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="720" viewBox="0 0 360 720" role="img"><title>Екран</title><rect width="360" height="720" fill="#fff"/></svg>';

function step(id: string, { hotspots = "<Hotspot n={1} x={50} y={80}>Кнопка «Увійти»</Hotspot>", tell = true, extra = "" } = {}) {
  return `<GuideStep id="${id}" title="Крок ${id}" screen="./screen.svg" alt="Екран застосунку з кнопкою «Увійти» внизу">
  ${hotspots}

Натисніть **Увійти** (1).

  <Expect>Відкриється вибір способу входу.</Expect>
  <Mistakes>
    <Mistake>Натискають двічі — зачекайте.</Mistake>
  </Mistakes>
${tell ? "  <TellClient>«Натискаємо разом, нічого не зламається.»</TellClient>\n" : ""}${extra}</GuideStep>`;
}

function guide(id: string, { audience = "client", steps = [step("one"), step("two")], practice = true, frontmatter = "" } = {}) {
  return `---
id: ${id}
title: Вхід у застосунок
summary: Як разом із клієнтом увійти в застосунок.
platform:
  name: Дія
  url: https://diia.gov.ua
audience: ${audience}
minutes: 6
level: 2
competences: ["SW.1"]
verified: none
updated: 2026-11-23
${frontmatter}---

Що потрібно: смартфон клієнта. Див. [урок](lesson:diia-for-clients).

${steps.join("\n\n")}

${practice ? `<TrueFalse id="code" statement="Код із SMS можна продиктувати працівникові." answer={false} explanation="Коди знає лише клієнт." />` : ""}
`;
}

function contentWith(files: Record<string, string>, screens: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "skh-walkthroughs-"));
  for (const [path, text] of Object.entries(files)) {
    const folder = join(root, "walkthroughs", path.split("/")[0]!);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(root, "walkthroughs", path), text);
    writeFileSync(join(folder, "screen.svg"), screens[path.split("/")[0]!] ?? SVG);
  }
  return root;
}

const check = (root: string) => checkWalkthroughs(root, COMPETENCES, LESSONS);
const messages = (root: string) => check(root).problems.map((p) => `${p.file.split("/").slice(-2).join("/")}:${p.line}: ${p.field}: ${p.message}`);

describe("content check for walkthroughs", () => {
  it("accepts a well-formed guide and reads its steps and hotspots", () => {
    const { walkthroughs, problems } = check(contentWith({ "g/uk.mdx": guide("g") }));
    expect(problems).toEqual([]);
    expect(walkthroughs[0]!.steps).toEqual([
      {
        id: "one",
        title: "Крок one",
        screen: "./screen.svg",
        alt: "Екран застосунку з кнопкою «Увійти» внизу",
        wide: false,
        hotspots: [{ n: 1, x: 50, y: 80, label: "Кнопка «Увійти»" }],
      },
      expect.objectContaining({ id: "two" }),
    ]);
  });

  it("reports a hotspot outside the screen and hotspots out of order, at the step's line", () => {
    const bad = step("two", { hotspots: "<Hotspot n={1} x={50} y={120}>Кнопка</Hotspot>\n  <Hotspot n={3} x={10} y={10}>Поле</Hotspot>" });
    const out = messages(contentWith({ "g/uk.mdx": guide("g", { steps: [step("one"), bad] }) }));
    expect(out).toContainEqual(expect.stringMatching(/^g\/uk\.mdx:\d+: GuideStep\[two\]\.Hotspot: hotspot 1 is outside the screen/));
    expect(out).toContainEqual(expect.stringMatching(/GuideStep\[two\]\.Hotspot\.n: hotspots are numbered 1, 2, 3… in order; found 3 at position 2/));
    const line = Number(/:(\d+):/.exec(out[0]!)![1]);
    expect(guide("g", { steps: [step("one"), bad] }).split("\n")[line - 1]).toMatch(/^<GuideStep id="two"/);
  });

  it("requires alt text, an existing screen, what to expect and a common mistake in every step", () => {
    const noAlt = step("one")
      .replace(/alt="[^"]*"/, 'alt=""')
      .replace("./screen.svg", "./missing.svg");
    const bare = step("two")
      .replace(/<Expect>[\s\S]*?<\/Expect>/, "")
      .replace(/<Mistakes>[\s\S]*?<\/Mistakes>/, "");
    const out = messages(contentWith({ "g/uk.mdx": guide("g", { steps: [noAlt, bare] }) }));
    expect(out).toContainEqual(expect.stringMatching(/GuideStep\[one\]\.alt: every screen needs alt text/));
    expect(out).toContainEqual(expect.stringMatching(/GuideStep\[one\]\.screen: no file \.\/missing\.svg/));
    expect(out).toContainEqual(expect.stringMatching(/GuideStep\[two\]\.Expect: say what the person should see next/));
    expect(out).toContainEqual(expect.stringMatching(/GuideStep\[two\]\.Mistakes: name at least one common mistake/));
  });

  it("asks a client guide to say what to tell the client in every step, and a worker guide not to", () => {
    const client = messages(contentWith({ "c/uk.mdx": guide("c", { steps: [step("one"), step("two", { tell: false })] }) }));
    expect(client).toContainEqual(expect.stringMatching(/GuideStep\[two\]\.TellClient: a client guide says what to tell the client/));
    const worker = messages(contentWith({ "w/uk.mdx": guide("w", { audience: "worker", steps: [step("one", { tell: false }), step("two")] }) }));
    expect(worker).toEqual([expect.stringMatching(/GuideStep\[two\]\.TellClient: only guides with audience "client"/)]);
  });

  it("refuses unknown components, a guide without a practice check, and screens with scripts or external references", () => {
    const out = messages(
      contentWith(
        { "g/uk.mdx": guide("g", { practice: false, steps: [step("one", { extra: '<Video src="x" />\n' }), step("two")] }) },
        { g: SVG.replace("<title>", '<image href="https://example.org/shot.png"/><title>') },
      ),
    );
    expect(out).toContainEqual(expect.stringMatching(/component: unknown component <Video>/));
    expect(out).toContainEqual(expect.stringMatching(/Quiz: end the guide with a practice check/));
    expect(out).toContainEqual(expect.stringMatching(/GuideStep\[one\]\.screen: \.\/screen\.svg has scripts, event handlers or external references/));
  });

  it("checks the frontmatter, lesson links, and that a translation has the same steps", () => {
    const uk = guide("g").replace("https://diia.gov.ua", "http://diia.gov.ua").replace("lesson:diia-for-clients", "lesson:no-such-lesson");
    const en = guide("g", { steps: [step("one"), step("three")] });
    const out = messages(contentWith({ "g/uk.mdx": uk, "h/uk.mdx": guide("h"), "h/en.mdx": en.replace("id: g", "id: h") }));
    expect(out).toContainEqual(expect.stringMatching(/^g\/uk\.mdx:7: platform\.url: an https:\/\/ address/));
    expect(out).toContainEqual(expect.stringMatching(/^h\/en\.mdx:\d+: GuideStep: steps must match the Ukrainian version: one, two/));
    const links = messages(contentWith({ "g/uk.mdx": guide("g").replace("lesson:diia-for-clients", "lesson:no-such-lesson") }));
    expect(links).toEqual([expect.stringMatching(/^g\/uk\.mdx:\d+: link: no lesson "no-such-lesson"/)]);
  });
});

describe("screens of a guide written in the app (uploaded files, decision 029)", () => {
  const MB = 1024 * 1024;
  const body = (screens: string[]) => {
    const text = guide("g", { steps: screens.map((screen, i) => step(`s${i + 1}`).replace("./screen.svg", screen)) });
    return { body: text.slice(text.indexOf("---", 3) + 3), frontmatter: { audience: "client" as const } };
  };
  function run(screens: string[], files: Record<string, ScreenFile>, options?: { uploadedScreens?: boolean }) {
    const problems: string[] = [];
    const steps = checkWalkthroughBody(
      body(screens),
      (_i, field, message) => problems.push(`${field}: ${message}`),
      (s) => files[s] ?? null,
      options,
    );
    return { steps, problems };
  }

  it("takes PNG and JPEG screenshots up to the upload limit, without the drawing rules, and SVG by the drawing rules", () => {
    const { steps, problems } = run(["./f-ckpng1.png", "./f-ckjpg2.jpg", "./f-ckjpeg3.jpeg", "./f-cksvg4.svg"], {
      "./f-ckpng1.png": { text: "", bytes: 2 * MB, contentType: "image/png" },
      "./f-ckjpg2.jpg": { text: "", bytes: 500_000, contentType: "image/jpeg" },
      "./f-ckjpeg3.jpeg": { text: "", bytes: 1000, contentType: "image/jpeg" },
      "./f-cksvg4.svg": { text: SVG.replace('viewBox="0 0 360 720"', 'viewBox="0 0 720 360"'), bytes: SVG.length, contentType: "image/svg+xml" },
    });
    expect(problems).toEqual([]);
    expect(steps.map((s) => [s.screen, s.wide])).toEqual([
      ["./f-ckpng1.png", false],
      ["./f-ckjpg2.jpg", false],
      ["./f-ckjpeg3.jpeg", false],
      ["./f-cksvg4.svg", true],
    ]);
  });

  it("refuses a screenshot over 2 MB, an uploaded SVG over the drawing limit or with external references, and a type its name does not say", () => {
    const { problems } = run(["./f-big.png", "./f-draw.svg", "./f-ext.svg", "./f-lie.png", "./f-gone.jpg"], {
      "./f-big.png": { text: "", bytes: 2 * MB + 1, contentType: "image/png" },
      "./f-draw.svg": { text: SVG, bytes: 31 * 1024, contentType: "image/svg+xml" },
      "./f-ext.svg": { text: SVG.replace("<title>", '<image href="https://example.org/x.png"/><title>'), bytes: 400, contentType: "image/svg+xml" },
      "./f-lie.png": { text: "", bytes: 100, contentType: "image/jpeg" },
    });
    expect(problems).toEqual([
      "GuideStep[s1].screen: ./f-big.png is larger than 2 MB",
      "GuideStep[s2].screen: ./f-draw.svg is larger than 30 KB: screens are simple drawings",
      "GuideStep[s3].screen: ./f-ext.svg has scripts, event handlers or external references",
      "GuideStep[s4].screen: ./f-lie.png is stored as image/jpeg, not image/png",
      "GuideStep[s5].screen: no file ./f-gone.jpg",
    ]);
  });

  it("takes raster screens only under an uploaded file's name: ./name.png stays refused, and the message names both kinds", () => {
    const { problems } = run(["./shot.png", "./f-ok.png"], {
      "./shot.png": { text: "", bytes: 10, contentType: "image/png" },
      "./f-ok.png": { text: "", bytes: 10, contentType: "image/png" },
    });
    expect(problems).toEqual([
      'GuideStep[s1].screen: needs a screen: an SVG file of the guide ("./name.svg") or an uploaded SVG, PNG or JPEG ("./f-<id>.png")',
    ]);
  });

  it("keeps content/ to SVG files beside the guide: no raster screens, no names of uploaded files", () => {
    const root = contentWith({
      "g/uk.mdx": guide("g", { steps: [step("one").replace("./screen.svg", "./f-abc.svg"), step("two").replace("./screen.svg", "./shot.png")] }),
    });
    writeFileSync(join(root, "walkthroughs", "g", "f-abc.svg"), SVG);
    writeFileSync(join(root, "walkthroughs", "g", "shot.png"), "png");
    expect(messages(root)).toEqual([
      expect.stringMatching(/GuideStep\[one\]\.screen: \.\/f-abc\.svg: names "\.\/f-…" stand for files uploaded in the app/),
      expect.stringMatching(/GuideStep\[two\]\.screen: needs a screen: an SVG file in the guide's folder, written "\.\/name\.svg"$/),
    ]);
  });
});
