/** Lines of one file's new side, 1-based and inclusive: `[3, 5]` is lines 3 to 5. */
export type LineSpan = readonly [start: number, end: number];

/**
 * The lines each file gained or changed in a unified diff (`git diff --unified=0`), by its new path as the diff
 * names it after `b/`: a file only renamed or deleted is absent. A deletion counts for the lines on either side of
 * the gap it leaves (what was removed may leave a gap a finding names there), so a file with deletions only is
 * present too. Header lines are read only between hunks (a hunk's own lines may start with `+++`), CRLF line ends
 * are taken as LF, and anything else unknown is passed over: a hostile diff yields spans, never an exception.
 */
export function changedLinesOfDiff(diff: string): Map<string, LineSpan[]> {
  const changed = new Map<string, LineSpan[]>();
  let file: LineSpan[] | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const raw of diff.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('\\')) continue;
      if (line.startsWith('-') && oldLeft > 0) {
        oldLeft--;
        continue;
      }
      if (line.startsWith('+') && newLeft > 0) {
        newLeft--;
        continue;
      }
      if (line.startsWith(' ') && oldLeft > 0 && newLeft > 0) {
        [oldLeft, newLeft] = [oldLeft - 1, newLeft - 1];
        continue;
      }
      [oldLeft, newLeft] = [0, 0]; // a hunk cut short: this line is read as a header
    }
    if (line.startsWith('diff ')) {
      file = undefined;
    } else if (line.startsWith('+++ ')) {
      const name = newPath(line.slice(4));
      file = undefined;
      if (name !== undefined) {
        file = changed.get(name) ?? [];
        changed.set(name, file);
      }
    } else if (line.startsWith('@@ ')) {
      const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const oldCount = hunk[2] === undefined ? 1 : Number(hunk[2]);
      const newStart = Number(hunk[3]);
      const newCount = hunk[4] === undefined ? 1 : Number(hunk[4]);
      if (!Number.isSafeInteger(oldCount + newStart + newCount)) continue;
      [oldLeft, newLeft] = [oldCount, newCount];
      // `+N,0` says the lines were removed after line N.
      if (newCount > 0) file?.push([newStart, newStart + newCount - 1]);
      else if (oldCount > 0) file?.push([Math.max(1, newStart), newStart + 1]);
    }
  }
  return changed;
}

/** The path of a `+++ ` line: `b/docs/plan.md`, `"b/t\tab.md"` (C-quoted), `b/my plan.md<TAB>`; undefined for /dev/null. */
function newPath(text: string): string | undefined {
  const name = text.startsWith('"') ? unquote(text) : text.endsWith('\t') ? text.slice(0, -1) : text;
  if (name === undefined || !name.startsWith('b/')) return undefined;
  return name.slice(2);
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting undone: escapes and octal bytes (UTF-8) inside the quotes; undefined when it is not that. */
function unquote(text: string): string | undefined {
  // Byte by byte: escapes are ASCII, and no byte of a UTF-8 sequence is.
  const raw = new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (let i = 1; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === 0x22) return i === raw.length - 1 ? new TextDecoder().decode(new Uint8Array(bytes)) : undefined;
    if (byte !== 0x5c) {
      bytes.push(byte);
      continue;
    }
    const octal = String.fromCharCode(raw[i + 1] ?? 0, raw[i + 2] ?? 0, raw[i + 3] ?? 0);
    const escape = String.fromCharCode(raw[i + 1] ?? 0);
    if (/^[0-3][0-7][0-7]$/.test(octal)) {
      bytes.push(parseInt(octal, 8));
      i += 3;
    } else if (Object.hasOwn(ESCAPES, escape)) {
      bytes.push(ESCAPES[escape]);
      i += 1;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** True when a finding on lines `first`..`last` (1-based) touches one of `spans`. */
export function touchesSpans(spans: readonly LineSpan[], first: number, last: number): boolean {
  return spans.some(([start, end]) => start <= last && first <= end);
}
