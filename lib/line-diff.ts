/**
 * A line diff for comparing two versions of a document (methodologists compare published versions
 * of a lesson), with word-level detail inside a changed line. Pure and dependency-free, so both
 * server components and tests use it directly.
 *
 * The core is Myers' O((N+M)·D) algorithm in its linear-space form (the "middle snake" bisection),
 * so a 3,000-line lesson with a few dozen changes diffs in a few milliseconds, and even two wholly
 * different documents need only O(N+M) memory instead of an N×M table.
 */

export type DiffLine = {
  kind: "same" | "added" | "removed";
  text: string;
  /** 1-based line number in `before`; null for an added line. */
  beforeLine: number | null;
  /** 1-based line number in `after`; null for a removed line. */
  afterLine: number | null;
};

/**
 * A run of changed lines with their unchanged context, numbered like a unified diff header
 * (`@@ -beforeStart,beforeCount +afterStart,afterCount @@`): when a side has no lines in the hunk,
 * its start is the number of that side's lines before the hunk (0 at the top of the document).
 */
export type DiffHunk = {
  beforeStart: number;
  beforeCount: number;
  afterStart: number;
  afterCount: number;
  lines: DiffLine[];
};

export type DiffStats = { added: number; removed: number };

export type WordPart = { text: string; changed: boolean };

const SAME = 0;
const REMOVED = 1;
const ADDED = 2;
type Op = typeof SAME | typeof REMOVED | typeof ADDED;
/** In word changes only: a kept whitespace token shown as part of the change around it. */
const JOINED = 3;

/**
 * The shortest edit script turning `a` into `b`, one op per kept, removed or added element, in
 * document order. Elements are compared as integers: callers intern strings first, which makes
 * each comparison cheap however long the lines are.
 */
function editScript(a: Int32Array, b: Int32Array): Op[] {
  const ops: Op[] = [];
  compare(a, 0, a.length, b, 0, b.length, ops);
  return ops;
}

function compare(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, ops: Op[]): void {
  // Common prefix and suffix cost nothing to find, and most edits of a document are local.
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    ops.push(SAME);
    aLo++;
    bLo++;
  }
  let suffix = 0;
  while (aLo < aHi - suffix && bLo < bHi - suffix && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  aHi -= suffix;
  bHi -= suffix;

  if (aLo === aHi || bLo === bHi) {
    for (let i = aLo; i < aHi; i++) ops.push(REMOVED);
    for (let j = bLo; j < bHi; j++) ops.push(ADDED);
  } else {
    const split = bisect(a, aLo, aHi, b, bLo, bHi);
    if (split) {
      compare(a, aLo, split[0], b, bLo, split[1], ops);
      compare(a, split[0], aHi, b, split[1], bHi, ops);
    } else {
      for (let i = aLo; i < aHi; i++) ops.push(REMOVED);
      for (let j = bLo; j < bHi; j++) ops.push(ADDED);
    }
  }
  for (let i = 0; i < suffix; i++) ops.push(SAME);
}

/**
 * Myers' middle snake: walks the edit graph from both corners at once and returns a point on an
 * optimal path where the two walks meet, or null when the ranges share nothing. Each half then has
 * about half the edits, so the recursion ends. (The same formulation as diff-match-patch's bisect.)
 */
function bisect(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  // Furthest x reached on each diagonal k = x − y, forwards (vf) and backwards from the end (vb).
  const vf = new Int32Array(size).fill(-1);
  const vb = new Int32Array(size).fill(-1);
  vf[offset + 1] = 0;
  vb[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the walks can first meet during a forward step, with an even one backwards.
  const front = delta % 2 !== 0;
  let kfStart = 0;
  let kfEnd = 0;
  let kbStart = 0;
  let kbEnd = 0;

  for (let d = 0; d < maxD; d++) {
    for (let k = -d + kfStart; k <= d - kfEnd; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && vf[i - 1]! < vf[i + 1]!) ? vf[i + 1]! : vf[i - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      vf[i] = x;
      if (x > n) kfEnd += 2;
      else if (y > m) kfStart += 2;
      else if (front) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && vb[j]! !== -1 && x >= n - vb[j]!) return [aLo + x, bLo + y];
      }
    }
    for (let k = -d + kbStart; k <= d - kbEnd; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && vb[i - 1]! < vb[i + 1]!) ? vb[i + 1]! : vb[i - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aHi - x - 1] === b[bHi - y - 1]) {
        x++;
        y++;
      }
      vb[i] = x;
      if (x > n) kbEnd += 2;
      else if (y > m) kbStart += 2;
      else if (!front) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && vf[j]! !== -1) {
          const xf = vf[j]!;
          const yf = xf - (j - offset);
          if (xf >= n - x) return [aLo + xf, bLo + yf];
        }
      }
    }
  }
  return null;
}

/** Maps each distinct string to a small integer shared by both sides. */
function intern(left: string[], right: string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idsOf = (items: string[]) =>
    Int32Array.from(items, (item) => {
      let id = ids.get(item);
      if (id === undefined) {
        id = ids.size;
        ids.set(item, id);
      }
      return id;
    });
  return [idsOf(left), idsOf(right)];
}

/**
 * Lines of a text as a reader sees them: CRLF (and a lone CR) count as LF, a byte-order mark is
 * invisible, and a final newline does not start another line — so a file saved on Windows, or
 * without a trailing newline, does not show as changed. The empty text has no lines.
 */
export function splitLines(text: string): string[] {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (normalised === "") return [];
  const lines = normalised.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Every line of both texts in order, each marked kept, added or removed, with both line numbers. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const [ai, bi] = intern(a, b);
  const ops = editScript(ai, bi);

  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === SAME) {
      result.push({ kind: "same", text: a[i]!, beforeLine: i + 1, afterLine: j + 1 });
      i++;
      j++;
      k++;
      continue;
    }
    // Within one run of changes, removals come before additions, so a reader sees the old
    // paragraph and then its replacement instead of the two interleaved.
    let removed = 0;
    let added = 0;
    for (; k < ops.length && ops[k] !== SAME; k++) {
      if (ops[k] === REMOVED) removed++;
      else added++;
    }
    for (let r = 0; r < removed; r++, i++) result.push({ kind: "removed", text: a[i]!, beforeLine: i + 1, afterLine: null });
    for (let r = 0; r < added; r++, j++) result.push({ kind: "added", text: b[j]!, beforeLine: null, afterLine: j + 1 });
  }
  return result;
}

/**
 * The changed lines with up to `context` unchanged lines on either side; changes whose context
 * would touch or overlap share one hunk. No changes, no hunks.
 */
export function groupHunks(lines: DiffLine[], context = 3): DiffHunk[] {
  const around = Math.max(0, Math.floor(context));
  const ranges: [number, number][] = [];
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    const from = Math.max(0, index - around);
    const to = Math.min(lines.length - 1, index + around);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  });

  return ranges.map(([from, to]) => {
    const hunkLines = lines.slice(from, to + 1);
    // Lines of each side that come before the hunk: where a side's count is 0, that is its start.
    let beforeSeen = 0;
    let afterSeen = 0;
    for (let index = from - 1; index >= 0 && (beforeSeen === 0 || afterSeen === 0); index--) {
      const line = lines[index]!;
      if (beforeSeen === 0 && line.beforeLine !== null) beforeSeen = line.beforeLine;
      if (afterSeen === 0 && line.afterLine !== null) afterSeen = line.afterLine;
    }
    const beforeNumbers = hunkLines.flatMap((line) => (line.beforeLine === null ? [] : [line.beforeLine]));
    const afterNumbers = hunkLines.flatMap((line) => (line.afterLine === null ? [] : [line.afterLine]));
    return {
      beforeStart: beforeNumbers[0] ?? beforeSeen,
      beforeCount: beforeNumbers.length,
      afterStart: afterNumbers[0] ?? afterSeen,
      afterCount: afterNumbers.length,
      lines: hunkLines,
    };
  });
}

export function diffStats(lines: DiffLine[]): DiffStats {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "added") added++;
    else if (line.kind === "removed") removed++;
  }
  return { added, removed };
}

/**
 * Which removed line each added line most likely rewrites: inside a run of removed lines followed
 * directly by a run of added lines, the n-th removed pairs with the n-th added (as code review
 * tools do). Keys and values are indexes into `lines`: removed index → added index.
 */
export function pairChangedLines(lines: DiffLine[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let index = 0;
  while (index < lines.length) {
    if (lines[index]!.kind !== "removed") {
      index++;
      continue;
    }
    const removedFrom = index;
    while (index < lines.length && lines[index]!.kind === "removed") index++;
    const addedFrom = index;
    while (index < lines.length && lines[index]!.kind === "added") index++;
    const count = Math.min(addedFrom - removedFrom, index - addedFrom);
    for (let n = 0; n < count; n++) pairs.set(removedFrom + n, addedFrom + n);
  }
  return pairs;
}

// A word keeps its inner apostrophes (Ukrainian «пам'ять», «м’який», «сімʼя»); whitespace runs and
// each punctuation or markup character stand alone, so "**слово**" changing to "слово" marks only the stars.
const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['’ʼ][\p{L}\p{M}\p{N}_]+)*|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * What changed between two versions of one line, word by word: the parts of `a` and of `b`, in
 * order, each marked changed or not; joined, each side gives back its line. Adjacent parts with the
 * same mark are merged, and a space between changed words on both sides counts as changed, so a
 * rewritten phrase shows as one highlight rather than a row of single words.
 */
export function wordChanges(a: string, b: string): [WordPart[], WordPart[]] {
  const left = tokens(a);
  const right = tokens(b);
  const [ai, bi] = intern(left, right);
  const ops = editScript(ai, bi);

  // Kept whitespace joins the changes around it when, on each side, the nearest token before it
  // and the nearest after it both changed: the phrase was rewritten on both sides.
  const isChangedAround = (k: number, change: Op, other: Op) => {
    let back = k - 1;
    while (ops[back] === other) back--;
    let ahead = k + 1;
    while (ops[ahead] === other) ahead++;
    return ops[back] === change && ops[ahead] === change;
  };
  const changedOps: (Op | typeof JOINED)[] = [...ops];
  let i = 0;
  let j = 0;
  for (let k = 0; k < ops.length; k++) {
    if (ops[k] === SAME) {
      if (/^\s+$/.test(left[i]!) && isChangedAround(k, REMOVED, ADDED) && isChangedAround(k, ADDED, REMOVED)) changedOps[k] = JOINED;
      i++;
      j++;
    } else if (ops[k] === REMOVED) i++;
    else j++;
  }

  const leftParts: WordPart[] = [];
  const rightParts: WordPart[] = [];
  const push = (parts: WordPart[], text: string, changed: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) last.text += text;
    else parts.push({ text, changed });
  };
  i = 0;
  j = 0;
  for (const op of changedOps) {
    if (op === SAME) {
      push(leftParts, left[i++]!, false);
      push(rightParts, right[j++]!, false);
    } else if (op === REMOVED) push(leftParts, left[i++]!, true);
    else if (op === ADDED) push(rightParts, right[j++]!, true);
    else {
      push(leftParts, left[i++]!, true);
      push(rightParts, right[j++]!, true);
    }
  }
  return [leftParts, rightParts];
}
