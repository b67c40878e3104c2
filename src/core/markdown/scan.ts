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
export function trailingNumber(text: string, spaceAfter = false): { start: number; digits: string } | undefined {
  const end = spaceAfter ? runStart(text, text.length, isSpace) : text.length;
  const digitsStart = runStart(text, end, isDigit);
  if (digitsStart === end) return undefined;
  const hash = digitsStart > 0 && text.charCodeAt(digitsStart - 1) === 35 /* # */ ? digitsStart - 1 : digitsStart;
  return { start: runStart(text, hash, isSpace), digits: text.slice(digitsStart, end) };
}

/** `text.replace(/\([^)]*\)/g, replacement)`: each `(` to the first `)` after it. */
export function replaceParenthesised(text: string, replacement: string): string {
  let open = text.indexOf('(');
  if (open < 0) return text;
  let out = '';
  let copied = 0;
  while (open >= 0) {
    const close = text.indexOf(')', open + 1);
    // No `)` after this `(` is none after any later one either.
    if (close < 0) break;
    out += text.slice(copied, open) + replacement;
    copied = close + 1;
    open = text.indexOf('(', copied);
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
