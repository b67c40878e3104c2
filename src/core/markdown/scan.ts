// Scans for what a regular expression would read in quadratic time: a search retries a run (`(((`, spaces before
// no digit) from each of its characters, these read it once.

/** The characters of `\s` (and of `String.prototype.trim`). */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Where the run of characters that `test` accepts, ending at `end`, starts. */
export function runStart(text: string, end: number, test: (code: number) => boolean): number {
  let i = end;
  while (i > 0 && test(text.charCodeAt(i - 1))) i--;
  return i;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * A number closing the text, as `/\s*#?(\d+)\s*$/` finds it (`Link 2`, `Q #3 `): where the match starts and the
 * digits; undefined when the text does not end so. `spaceAfter` allows spaces after the digits.
 */
export function trailingNumber(text: string, spaceAfter = false): { start: number; digitsStart: number; digits: string } | undefined {
  const end = spaceAfter ? runStart(text, text.length, isSpace) : text.length;
  const digitsStart = runStart(text, end, isDigit);
  if (digitsStart === end) return undefined;
  const hash = digitsStart > 0 && text.charCodeAt(digitsStart - 1) === 35 /* # */ ? digitsStart - 1 : digitsStart;
  return { start: runStart(text, hash, isSpace), digitsStart, digits: text.slice(digitsStart, end) };
}

/** No line break: what `.` matches, so that `(.*)$` can be read as the rest of the text. */
export function isOneLine(text: string): boolean {
  return !/[\n\r\u2028\u2029]/.test(text);
}

/** `text.replace(/\s*#?\d+\s*$/, '')`: `Link 2` -> `Link` (without `\s*` after the digits when `spaceAfter` is false). */
export function withoutTrailingNumber(text: string, spaceAfter = true): string {
  const number = trailingNumber(text, spaceAfter);
  return number ? text.slice(0, number.start) : text;
}

/** `text.replace(/\([^)]*\)/g, replacement)`: each `(` to the first `)` after it. */
export function replaceParenthesised(text: string, replacement: string): string {
  return replaceEnclosed(text, '(', ')', replacement, 0);
}

/** `text.replace(/<[^>]+>/g, replacement)`: HTML tags. */
export function replaceTags(text: string, replacement: string): string {
  return replaceEnclosed(text, '<', '>', replacement, 1);
}

/** Each `open` to the first `close` after it, with at least `least` characters between, replaced. */
function replaceEnclosed(text: string, open: string, close: string, replacement: string, least: number): string {
  let start = text.indexOf(open);
  if (start < 0) return text;
  let out = '';
  let copied = 0;
  while (start >= 0) {
    const end = text.indexOf(close, start + 1);
    // No `close` after this `open` is none after any later one either.
    if (end < 0) break;
    if (end - start - 1 < least) {
      start = text.indexOf(open, start + 1);
      continue;
    }
    out += text.slice(copied, start) + replacement;
    copied = end + 1;
    start = text.indexOf(open, copied);
  }
  return out + text.slice(copied);
}

/** `text.split(/\s*\/\s*|\s+or\s+/)`: options written `a / b` or `a or b`, the spaces around each separator dropped. */
export function splitOptions(text: string): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let i = 0;
  while (i < text.length) {
    // A separator starts where its spaces start; a run of spaces that does not lead to one is skipped whole.
    let q = i;
    while (q < text.length && isSpace(text.charCodeAt(q))) q++;
    let end = -1;
    if (text.charCodeAt(q) === 47 /* / */) end = q + 1;
    else if (q > i && text.startsWith('or', q) && isSpace(text.charCodeAt(q + 2))) end = q + 3;
    if (end < 0) {
      i = q > i ? q : i + 1;
      continue;
    }
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    parts.push(text.slice(partStart, i));
    partStart = i = end;
  }
  parts.push(text.slice(partStart));
  return parts;
}
