import { describe, expect, it } from "vitest";
import {
  audienceOf,
  badgeForNewMark,
  caretAt,
  clampPercent,
  hotspotInsertionPoint,
  insertionFor,
  marksAround,
  movedCrosshair,
  nextHotspotNumber,
  offsetAt,
  percentFromPoint,
  uniqueId,
  type Insertable,
} from "./editor-logic";

describe("caret and line/column", () => {
  const text = "перший\nдругий рядок\n\nчетвертий";

  it("gives the line and column of an offset, from 1", () => {
    expect(caretAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(caretAt(text, 6)).toEqual({ line: 1, column: 7 });
    expect(caretAt(text, 7)).toEqual({ line: 2, column: 1 });
    expect(caretAt(text, 13)).toEqual({ line: 2, column: 7 });
    expect(caretAt(text, 20)).toEqual({ line: 3, column: 1 });
    expect(caretAt(text, text.length)).toEqual({ line: 4, column: 10 });
    expect(caretAt("", 0)).toEqual({ line: 1, column: 1 });
  });

  it("goes back from line and column to the same offset", () => {
    for (let offset = 0; offset <= text.length; offset += 1) {
      const { line, column } = caretAt(text, offset);
      expect(offsetAt(text, line, column)).toBe(offset);
    }
  });

  it("keeps a place past a line's or the text's end inside the text", () => {
    expect(offsetAt(text, 1, 99)).toBe(6);
    expect(offsetAt(text, 99, 1)).toBe(text.length);
    expect(offsetAt(text, 0, 0)).toBe(0);
    expect(caretAt(text, 999)).toEqual(caretAt(text, text.length));
  });
});

describe("where a snippet goes", () => {
  const block: Insertable = { text: "<X />", placement: "block", select: "X" };
  const line: Insertable = { text: "<H>Що тут</H>", placement: "line", select: "Що тут" };
  const inline: Insertable = { text: "<K>т</K>", placement: "inline" };
  const put = (value: string, start: number, end: number, snippet: Insertable) => {
    const insertion = insertionFor(value, start, end, snippet);
    return { result: value.slice(0, start) + insertion.text + value.slice(end), ...insertion };
  };

  it("gives a block blank lines around it, adding only what is missing", () => {
    expect(put("", 0, 0, block).result).toBe("<X />\n\n");
    expect(put("Абзац.", 6, 6, block).result).toBe("Абзац.\n\n<X />\n\n");
    expect(put("Абзац.\n", 7, 7, block).result).toBe("Абзац.\n\n<X />\n\n");
    expect(put("Абзац.\n\nДалі.", 8, 8, block).result).toBe("Абзац.\n\n<X />\n\nДалі.");
    expect(put("Посеред речення.", 7, 7, block).result).toBe("Посеред\n\n<X />\n\n речення.");
  });

  it("replaces the selection", () => {
    expect(put("Один два три", 5, 8, inline).result).toBe("Один <K>т</K> три");
  });

  it("puts a line on a line of its own, and a blank line next to prose", () => {
    expect(put("<Step>\n</Step>", 7, 7, line).result).toBe("<Step>\n<H>Що тут</H>\n</Step>");
    expect(put("<Step>", 6, 6, line).result).toBe("<Step>\n<H>Що тут</H>\n");
    expect(put("<Step>\nТекст.\n</Step>", 13, 13, line).result).toBe("<Step>\nТекст.\n\n<H>Що тут</H>\n</Step>");
    expect(put("<Step>\n\nТекст.", 7, 7, line).result).toBe("<Step>\n<H>Що тут</H>\n\nТекст.");
  });

  it("selects the placeholder, or puts the caret after the snippet", () => {
    const withSelection = put("Абзац.", 6, 6, line);
    expect(withSelection.result.slice(withSelection.selectStart, withSelection.selectEnd)).toBe("Що тут");
    const caretOnly = put("Абзац ", 6, 6, inline);
    expect(caretOnly.selectStart).toBe(caretOnly.selectEnd);
    expect(caretOnly.result.slice(0, caretOnly.selectStart)).toBe("Абзац <K>т</K>");
  });
});

describe("ids and audience", () => {
  it("numbers ids from 1, skipping those the text uses", () => {
    expect(uniqueId("quiz", "")).toBe("quiz-1");
    expect(uniqueId("quiz", '<Quiz id="quiz-1"> <Quiz id="quiz-3">')).toBe("quiz-2");
    expect(uniqueId("step", '<GuideStep id="step-1">')).toBe("step-2");
  });

  it("reads the audience from the frontmatter only", () => {
    expect(audienceOf("---\nid: a\naudience: worker\n---\n")).toBe("worker");
    expect(audienceOf('---\naudience: "client" # a worker helps\n---\n')).toBe("client");
    expect(audienceOf("---\nid: a\n---\naudience: worker\n")).toBeNull();
    expect(audienceOf("")).toBeNull();
  });
});

describe("hotspots", () => {
  const text = `Вступ.

<GuideStep id="one" title="Перший">
  <Hotspot n={1} x={10} y={20} bx={20} by={20}>Кнопка</Hotspot>
  <Hotspot n="2" x={30} y={40}>Поле
  імені</Hotspot>
Текст.
</GuideStep>

<GuideStep id="two" title="Другий">
Текст.
</GuideStep>
`;
  const inFirst = text.indexOf("Текст.");
  const inSecond = text.lastIndexOf("Текст.");

  it("numbers the next one after those above the caret in its step", () => {
    expect(nextHotspotNumber(text, inFirst)).toBe(3);
    expect(nextHotspotNumber(text, text.indexOf("<Hotspot"))).toBe(1);
    expect(nextHotspotNumber(text, inSecond)).toBe(1);
    expect(nextHotspotNumber("", 0)).toBe(1);
    // The caret right after `<GuideStep` of a step still counts from that step.
    expect(nextHotspotNumber(text, text.indexOf("<GuideStep") + 1)).toBe(1);
  });

  it("lists the marks of the step around the caret", () => {
    expect(marksAround(text, inFirst)).toEqual([
      { n: 1, x: 10, y: 20, bx: 20, by: 20, label: "Кнопка" },
      { n: 2, x: 30, y: 40, bx: null, by: null, label: "Поле імені" },
    ]);
    expect(marksAround(text, inSecond)).toEqual([]);
  });

  it("gives a new mark a badge beside its target, clear of the step's other badges and targets", () => {
    const first = { n: 1, x: 50, y: 50, bx: 59, by: 50, label: "Кнопка" };
    const alone = badgeForNewMark([], { n: 1, x: 50, y: 50 });
    expect(alone).toEqual({ bx: 59, by: 50 });
    // On the same target as mark 1, the next badge goes to the other side, not on mark 1's badge.
    const second = badgeForNewMark([first], { n: 2, x: 50, y: 50 });
    expect(second).toEqual({ bx: 41, by: 50 });
    // A wide screen: the same distance in width is less of its height.
    expect(badgeForNewMark([], { n: 1, x: 50, y: 95 }, { width: 1000, height: 625 })).toEqual({ bx: 59, by: 94 });
  });
});

describe("positions on the screen", () => {
  const box = { left: 100, top: 50, width: 400, height: 800 };

  it("turns a click into whole percent of the image's box", () => {
    expect(percentFromPoint(300, 450, box)).toEqual({ x: 50, y: 50 });
    expect(percentFromPoint(101.9, 58, box)).toEqual({ x: 1, y: 1 });
    expect(percentFromPoint(398, 646, box)).toEqual({ x: 75, y: 75 });
  });

  it("keeps marks between 1 and 99 %, off the edges", () => {
    expect(percentFromPoint(100, 50, box)).toEqual({ x: 1, y: 1 });
    expect(percentFromPoint(500, 850, box)).toEqual({ x: 99, y: 99 });
    expect(percentFromPoint(0, 2000, box)).toEqual({ x: 1, y: 99 });
    expect(percentFromPoint(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 50, y: 50 });
    expect(clampPercent(49.5)).toBe(50);
    expect(clampPercent(-3)).toBe(1);
    expect(clampPercent(100)).toBe(99);
  });

  it("moves the crosshair by 1 %, or 5 % with Shift, inside 1–99", () => {
    expect(movedCrosshair({ x: 50, y: 50 }, "ArrowRight", false)).toEqual({ x: 51, y: 50 });
    expect(movedCrosshair({ x: 50, y: 50 }, "ArrowUp", true)).toEqual({ x: 50, y: 45 });
    expect(movedCrosshair({ x: 3, y: 97 }, "ArrowLeft", true)).toEqual({ x: 1, y: 97 });
    expect(movedCrosshair({ x: 3, y: 97 }, "ArrowDown", true)).toEqual({ x: 3, y: 99 });
    expect(movedCrosshair({ x: 50, y: 50 }, "Enter", false)).toBeNull();
  });
});

describe("hotspotInsertionPoint", () => {
  const text = '<GuideStep id="a" title="Крок" screen="./a.svg" alt="Екран кроку">\n  <Hotspot n={1} x={5} y={5}>Кнопка</Hotspot>\n</GuideStep>';
  it("keeps a caret that is not inside a mark's label", () => {
    const afterMark = text.indexOf("</Hotspot>") + "</Hotspot>".length;
    expect(hotspotInsertionPoint(text, afterMark)).toBe(afterMark);
    expect(hotspotInsertionPoint(text, 0)).toBe(0);
    expect(hotspotInsertionPoint(text, text.length)).toBe(text.length);
  });
  it("moves a caret inside a mark's label to just after that mark, so marks never nest", () => {
    const inLabel = text.indexOf("Кнопка") + 3;
    expect(hotspotInsertionPoint(text, inLabel)).toBe(text.indexOf("</Hotspot>") + "</Hotspot>".length);
    const beforeClose = text.indexOf("</Hotspot>");
    expect(hotspotInsertionPoint(text, beforeClose)).toBe(beforeClose + "</Hotspot>".length);
  });
});
