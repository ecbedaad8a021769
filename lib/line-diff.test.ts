import { describe, expect, it } from "vitest";
import { diffLines, diffStats, groupHunks, pairChangedLines, splitLines, wordChanges, type DiffLine } from "./line-diff";

/** One line per diff line, as a unified diff would print it: easy to read when a test fails. */
function show(lines: DiffLine[]): string[] {
  return lines.map((l) => `${l.kind === "same" ? " " : l.kind === "added" ? "+" : "-"}${l.beforeLine ?? "_"}:${l.afterLine ?? "_"} ${l.text}`);
}

const side = (lines: DiffLine[], keep: "added" | "removed") => lines.filter((l) => l.kind === "same" || l.kind === keep).map((l) => l.text);

/** Seeded, so a failing random case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The textbook O(N·M) LCS length, to check that the diff is not only valid but shortest. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe("diffLines", () => {
  it("keeps identical texts as unchanged lines numbered on both sides", () => {
    expect(show(diffLines("a\nb\nc", "a\nb\nc"))).toEqual([" 1:1 a", " 2:2 b", " 3:3 c"]);
  });

  it("shows a pure insertion with the new line numbers after it", () => {
    expect(show(diffLines("a\nb\nc", "a\nb\nnew\nc"))).toEqual([" 1:1 a", " 2:2 b", "+_:3 new", " 3:4 c"]);
  });

  it("shows a deletion", () => {
    expect(show(diffLines("a\nb\nc\nd", "a\nd"))).toEqual([" 1:1 a", "-2:_ b", "-3:_ c", " 4:2 d"]);
  });

  it("puts the removed lines of a change in the middle before the added ones", () => {
    expect(show(diffLines("a\nb\nc\nd\ne", "a\nB\nC\nd\ne"))).toEqual([" 1:1 a", "-2:_ b", "-3:_ c", "+_:2 B", "+_:3 C", " 4:4 d", " 5:5 e"]);
  });

  it("treats CRLF, a lone CR, a byte-order mark and a final newline as invisible", () => {
    expect(diffStats(diffLines("\uFEFFa\r\nb\r\nc\r\n", "a\nb\rc"))).toEqual({ added: 0, removed: 0 });
    expect(diffLines("a\r\nb", "a\nb").map((l) => l.text)).toEqual(["a", "b"]);
  });

  it("handles an empty before or after", () => {
    expect(diffLines("", "")).toEqual([]);
    expect(show(diffLines("", "a\nb"))).toEqual(["+_:1 a", "+_:2 b"]);
    expect(show(diffLines("a\nb\n", ""))).toEqual(["-1:_ a", "-2:_ b"]);
  });

  it("keeps empty lines inside the text as lines", () => {
    expect(splitLines("a\n\nb\n")).toEqual(["a", "", "b"]);
    expect(show(diffLines("a\n\nb", "a\nb"))).toEqual([" 1:1 a", "-2:_ ", " 3:2 b"]);
  });

  it("numbers lines correctly through several changes", () => {
    const lines = diffLines(["1", "2", "3", "4", "5", "6", "7", "8"].join("\n"), ["0", "1", "2", "4", "5", "5½", "6", "8", "9"].join("\n"));
    expect(show(lines)).toEqual(["+_:1 0", " 1:2 1", " 2:3 2", "-3:_ 3", " 4:4 4", " 5:5 5", "+_:6 5½", " 6:7 6", "-7:_ 7", " 8:8 8", "+_:9 9"]);
  });

  it("diffs a 3,000-line lesson with ~50 changes", () => {
    const next = random(7);
    const before = Array.from({ length: 3000 }, (_, i) => `Рядок ${i}: соціальна робота ${Math.floor(next() * 1e6)}`);
    const after = [...before];
    for (let c = 0; c < 50; c++) {
      const at = Math.floor(next() * after.length);
      const choice = next();
      if (choice < 0.33) after.splice(at, 1);
      else if (choice < 0.66) after.splice(at, 0, `Новий рядок ${c}`);
      else after[at] = `${after[at]} (змінено)`;
    }
    const lines = diffLines(before.join("\n"), after.join("\n"));
    expect(side(lines, "added")).toEqual(after);
    expect(side(lines, "removed")).toEqual(before);
  });

  it("stays correct on two wholly different 3,000-line documents", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`);
    const lines = diffLines(before.join("\n"), after.join("\n"));
    expect(diffStats(lines)).toEqual({ added: 3000, removed: 3000 });
  });

  it("reproduces both texts, and finds a shortest diff, for 200 random pairs", () => {
    const next = random(12);
    const vocabulary = ["", "# Заголовок", "текст", "- пункт", "<Callout>", "</Callout>", "a", "b", "  відступ"];
    const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: Math.floor(next() * 40) }, pick);
      // Mostly an edited copy of `before` (as versions of a lesson are), sometimes unrelated.
      const after =
        next() < 0.2
          ? Array.from({ length: Math.floor(next() * 40) }, pick)
          : before.flatMap((line) => {
              const r = next();
              if (r < 0.1) return [];
              if (r < 0.2) return [pick()];
              if (r < 0.3) return [line, pick()];
              return [line];
            });
      const beforeText = before.join(next() < 0.5 ? "\n" : "\r\n");
      const afterText = after.join("\n");
      const lines = diffLines(beforeText, afterText);
      const context = `round ${round}`;

      expect(side(lines, "added"), context).toEqual(splitLines(afterText));
      expect(side(lines, "removed"), context).toEqual(splitLines(beforeText));
      expect(
        lines.flatMap((l) => (l.beforeLine === null ? [] : [l.beforeLine])),
        context,
      ).toEqual(splitLines(beforeText).map((_, i) => i + 1));
      expect(
        lines.flatMap((l) => (l.afterLine === null ? [] : [l.afterLine])),
        context,
      ).toEqual(splitLines(afterText).map((_, i) => i + 1));
      const kept = lines.filter((l) => l.kind === "same").length;
      expect(kept, context).toBe(lcsLength(splitLines(beforeText), splitLines(afterText)));
    }
  });
});

describe("groupHunks", () => {
  const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

  it("has no hunks when nothing changed", () => {
    expect(groupHunks(diffLines("a\nb", "a\nb"))).toEqual([]);
  });

  it("keeps three unchanged lines of context around a change and gives its start lines", () => {
    const before = numbered(1, 20);
    const after = [...before];
    after[9] = "changed";
    const [hunk, ...rest] = groupHunks(diffLines(before.join("\n"), after.join("\n")));
    expect(rest).toEqual([]);
    expect(hunk).toMatchObject({ beforeStart: 7, beforeCount: 7, afterStart: 7, afterCount: 7 });
    expect(show(hunk!.lines)).toEqual([
      " 7:7 line 7",
      " 8:8 line 8",
      " 9:9 line 9",
      "-10:_ line 10",
      "+_:10 changed",
      " 11:11 line 11",
      " 12:12 line 12",
      " 13:13 line 13",
    ]);
  });

  it("merges changes whose context touches, and splits those further apart", () => {
    const before = numbered(1, 40);
    const close = [...before];
    close[4] = "x"; // line 5
    close[11] = "y"; // line 12: six unchanged lines between, so the contexts meet
    expect(groupHunks(diffLines(before.join("\n"), close.join("\n")))).toHaveLength(1);

    const apart = [...before];
    apart[4] = "x"; // line 5
    apart[12] = "y"; // line 13: seven unchanged lines between, one more than both contexts
    const hunks = groupHunks(diffLines(before.join("\n"), apart.join("\n")));
    expect(hunks.map((h) => [h.beforeStart, h.beforeCount, h.afterStart, h.afterCount])).toEqual([
      [2, 7, 2, 7],
      [10, 7, 10, 7],
    ]);
  });

  it("honours another context size, including none", () => {
    const lines = diffLines("a\nb\nc\nd\ne", "a\nb\nC\nd\ne");
    expect(groupHunks(lines, 1)[0]!.lines.map((l) => l.text)).toEqual(["b", "c", "C", "d"]);
    expect(groupHunks(lines, 0)[0]!.lines.map((l) => l.text)).toEqual(["c", "C"]);
  });

  it("numbers an empty side like a unified diff header", () => {
    expect(groupHunks(diffLines("", "a\nb"))).toMatchObject([{ beforeStart: 0, beforeCount: 0, afterStart: 1, afterCount: 2 }]);
    expect(groupHunks(diffLines(numbered(1, 10).join("\n"), [...numbered(1, 5), "new", ...numbered(6, 10)].join("\n")), 0)).toMatchObject([
      { beforeStart: 5, beforeCount: 0, afterStart: 6, afterCount: 1 },
    ]);
  });
});

describe("diffStats", () => {
  it("counts added and removed lines", () => {
    expect(diffStats(diffLines("a\nb\nc\nd", "a\nB\nc\nx\ny"))).toEqual({ added: 3, removed: 2 });
    expect(diffStats([])).toEqual({ added: 0, removed: 0 });
  });
});

describe("pairChangedLines", () => {
  it("pairs the n-th removed line of a run with the n-th added line after it", () => {
    const lines = diffLines("a\nb\nc\nd\ne", "a\nB\nC\nX\nd\ne");
    const pairs = pairChangedLines(lines);
    expect([...pairs].map(([r, a]) => [lines[r]!.text, lines[a]!.text])).toEqual([
      ["b", "B"],
      ["c", "C"],
    ]);
  });

  it("does not pair a deletion with a later, separate insertion", () => {
    expect(pairChangedLines(diffLines("a\nb\nc", "a\nc\nd")).size).toBe(0);
  });
});

describe("wordChanges", () => {
  const marked = (parts: { text: string; changed: boolean }[]) => parts.map((p) => (p.changed ? `[${p.text}]` : p.text)).join("");

  it("marks only the words that changed", () => {
    const [a, b] = wordChanges("Соціальний працівник допомагає родині.", "Соціальна працівниця допомагає родині.");
    expect(marked(a)).toBe("[Соціальний працівник] допомагає родині.");
    expect(marked(b)).toBe("[Соціальна працівниця] допомагає родині.");
  });

  it("keeps Ukrainian apostrophes inside a word and markup characters apart", () => {
    const [a, b] = wordChanges("**пам'ять** сім’ї", "пам'ять сімʼї");
    expect(marked(a)).toBe("[**]пам'ять[**] [сім’ї]");
    expect(marked(b)).toBe("пам'ять [сімʼї]");
  });

  it("marks nothing for equal lines and everything against an empty line", () => {
    expect(wordChanges("той самий рядок", "той самий рядок")).toEqual([
      [{ text: "той самий рядок", changed: false }],
      [{ text: "той самий рядок", changed: false }],
    ]);
    expect(wordChanges("", "новий")).toEqual([[], [{ text: "новий", changed: true }]]);
  });

  it("gives back each line when its parts are joined, for random pairs", () => {
    const next = random(3);
    const words = ["соціальна", "робота", "пам'ять", "**", "—", " ", "  ", "\t", ",", "кейс", "🙂"];
    const line = () => Array.from({ length: Math.floor(next() * 15) }, () => words[Math.floor(next() * words.length)]!).join("");
    for (let round = 0; round < 200; round++) {
      const a = line();
      const b = line();
      const [left, right] = wordChanges(a, b);
      expect(left.map((p) => p.text).join("")).toBe(a);
      expect(right.map((p) => p.text).join("")).toBe(b);
      const kept = (parts: typeof left) =>
        parts
          .filter((p) => !p.changed)
          .map((p) => p.text)
          .join("");
      expect(kept(left)).toBe(kept(right));
    }
  });
});
