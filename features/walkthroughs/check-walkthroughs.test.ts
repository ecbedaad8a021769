import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { checkWalkthroughBody, checkWalkthroughs, type ScreenFile } from "./check-walkthroughs";

const COMPETENCES = new Set(["2.1", "SW.1"]);
const LESSONS = new Set(["diia-for-clients"]);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="720" viewBox="0 0 360 720" role="img"><title>Екран</title><rect width="360" height="720" fill="#fff"/></svg>';

function step(
  id: string,
  { hotspots = "<Hotspot n={1} x={50} y={80} bx={50} by={64}>Кнопка «Увійти»</Hotspot>", tell = true, extra = "", screen = "./screen.svg" } = {},
) {
  return `<GuideStep id="${id}" title="Крок ${id}" screen="${screen}" alt="Екран застосунку з кнопкою «Увійти» внизу">
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

function contentWith(files: Record<string, string>, screens: Record<string, string> = {}, extraScreens: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "skh-walkthroughs-"));
  for (const [path, text] of Object.entries(files)) {
    const folder = join(root, "walkthroughs", path.split("/")[0]!);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(root, "walkthroughs", path), text);
    writeFileSync(join(folder, "screen.svg"), screens[path.split("/")[0]!] ?? SVG);
  }
  for (const [path, text] of Object.entries(extraScreens)) writeFileSync(join(root, "walkthroughs", path), text);
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
        size: { width: 360, height: 720 },
        hotspots: [{ n: 1, x: 50, y: 80, bx: 50, by: 64, label: "Кнопка «Увійти»" }],
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

/** A phone screen with words where marks might go: a title, two lines in tspans and a button «Поділитися». */
const SHARE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="720" viewBox="0 0 360 720" font-size="16"><title>Запит</title><rect width="360" height="720" fill="#fff"/>' +
  '<text x="30" y="96" font-size="24" font-weight="700">Запит на копію</text>' +
  '<text x="46" y="300"><tspan>Паспорт</tspan><tspan x="46" dy="28">Картка платника</tspan></text>' +
  '<rect x="26" y="560" width="308" height="52" rx="26" fill="#1f2937"/><text x="180" y="592" font-size="17" font-weight="600" fill="#fff" text-anchor="middle">Поділитися</text></svg>';

describe("the marks' badges (decision 043)", () => {
  const share = (hotspots: string) => guide("g", { steps: [step("one", { hotspots }), step("two")] });
  const run = (text: string, en?: string) => messages(contentWith({ "g/uk.mdx": text, ...(en ? { "g/en.mdx": en } : {}) }, { g: SHARE_SVG }));
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
  const suggested = (message: string) => /bx=\{(\d+)\} by=\{(\d+)\}/.exec(message)!.slice(1).map(Number) as [number, number];

  it("asks for bx and by at the mark's own line, with a free place that then passes", () => {
    const mark = "<Hotspot n={1} x={50} y={81}>Кнопка «Поділитися»</Hotspot>";
    const text = share(mark);
    const out = run(text);
    expect(out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^g/uk\\.mdx:${lineOf(text, mark)}: GuideStep\\[one\\]\\.Hotspot: mark 1 \\(Кнопка «Поділитися»\\) needs bx and by: where its numbered badge sits beside the target, in percent of the screen, e\\.g\\. bx=\\{\\d+\\} by=\\{\\d+\\}$`,
        ),
      ),
    ]);
    const [bx, by] = suggested(out[0]!);
    expect(run(share(mark.replace(">Кнопка", ` bx={${bx}} by={${by}}>Кнопка`)))).toEqual([]);
  });

  it("refuses a badge on the screen's words, the button's label or a line in a tspan, naming the words and a free place", () => {
    const onLabel = "<Hotspot n={1} x={50} y={81} bx={50} by={81}>Кнопка «Поділитися»</Hotspot>";
    const out = run(share(onLabel));
    expect(out).toEqual([
      expect.stringMatching(
        /GuideStep\[one\]\.Hotspot: mark 1 \(Кнопка «Поділитися»\): its badge at bx=50 by=81 covers the screen's text «Поділитися»; a free place: bx=\{\d+\} by=\{\d+\}$/,
      ),
    ]);
    const [bx, by] = suggested(out[0]!);
    // Beside the button's label, not on it: outside the label's estimated box by at least the badge's radius.
    expect(Math.abs(bx - 50) >= 20 || Math.abs(by - 81) >= 3).toBe(true);
    expect(run(share(onLabel.replace("bx={50} by={81}", `bx={${bx}} by={${by}}`)))).toEqual([]);

    const onTspan = run(share("<Hotspot n={1} x={30} y={42} bx={30} by={45}>Документи</Hotspot>"));
    expect(onTspan).toEqual([expect.stringMatching(/its badge at bx=30 by=45 covers the screen's text «Картка платника»; a free place/)]);
  });

  it("refuses a badge outside the screen, on a target, or on another mark's badge", () => {
    expect(run(share("<Hotspot n={1} x={50} y={20} bx={98} by={20}>Поле</Hotspot>"))).toEqual([
      expect.stringMatching(
        /mark 1 \(Поле\): its badge at bx=98 by=20 reaches outside the screen \(it is 7 % of the screen's width across\); a free place: bx=\{\d+\} by=\{\d+\}$/,
      ),
    ]);
    expect(run(share("<Hotspot n={1} x={50} y={20} bx={52} by={21}>Поле</Hotspot>"))).toEqual([
      expect.stringMatching(/mark 1 \(Поле\): its badge at bx=52 by=21 covers its own target; a free place/),
    ]);
    const two = "<Hotspot n={1} x={20} y={20} bx={20} by={26}>Перше</Hotspot>\n  <Hotspot n={2} x={60} y={20} bx={22} by={27}>Друге</Hotspot>";
    const out = run(share(two));
    // The later mark yields: one problem, and its free place keeps off mark 1's badge.
    expect(out).toEqual([
      expect.stringMatching(/mark 2 \(Друге\): its badge at bx=22 by=27 overlaps the badge of mark 1; a free place: bx=\{\d+\} by=\{\d+\}$/),
    ]);
    const [bx, by] = suggested(out[0]!);
    expect(run(share(two.replace("bx={22} by={27}", `bx={${bx}} by={${by}}`)))).toEqual([]);
  });

  it("holds a translation to the Ukrainian marks: the screen is the same", () => {
    const mark = "<Hotspot n={1} x={50} y={20} bx={50} by={26}>Поле</Hotspot>";
    const out = run(share(mark), share(mark.replace("bx={50}", "bx={60}")));
    expect(out).toEqual([
      expect.stringMatching(
        /^g\/en\.mdx:\d+: GuideStep\[one\]\.Hotspot: the marks must be where the Ukrainian version has them \(the screen is the same\): 1: x=50 y=20 bx=50 by=26$/,
      ),
    ]);
  });

  it("holds a screenshot's badges only to being given and on the screen: its words and proportions are unknown", () => {
    const body = (hotspots: string) => {
      const text = guide("g", { steps: [step("s1", { hotspots, screen: "./f-shot1.png" }), step("s2", { screen: "./f-shot1.png" })] });
      return { body: text.slice(text.indexOf("---", 3) + 3), frontmatter: { audience: "client" as const } };
    };
    const problems = (hotspots: string) => {
      const out: string[] = [];
      checkWalkthroughBody(
        body(hotspots),
        (_i, field, message) => out.push(`${field}: ${message}`),
        () => ({ text: "", bytes: 100, contentType: "image/png" }),
      );
      return out;
    };
    expect(problems("<Hotspot n={1} x={50} y={50}>Кнопка</Hotspot>")).toEqual([
      expect.stringMatching(/^GuideStep\[s1\]\.Hotspot: mark 1 \(Кнопка\) needs bx and by/),
    ]);
    expect(problems("<Hotspot n={1} x={50} y={50} bx={50} by={45}>Кнопка</Hotspot>\n<Hotspot n={2} x={52} y={50} bx={51} by={45}>Поле</Hotspot>")).toEqual([]);
    expect(problems("<Hotspot n={1} x={50} y={50} bx={99} by={50}>Кнопка</Hotspot>")).toEqual([expect.stringMatching(/reaches outside the screen/)]);
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
