// Inline-level helpers that work on raw markdown source text (no second parse).
import { isSpace, runStart } from './scan';

/** Replaces code spans and HTML comments with spaces, keeping every column where it was. */
export function maskCode(line: string): string {
  if (line.indexOf('`') < 0 && line.indexOf('<!--') < 0) return line;
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line.charCodeAt(i);
    let end = -1;
    if (ch === 96 /* ` */) {
      let run = 1;
      while (line.charCodeAt(i + run) === 96) run++;
      const close = line.indexOf('`'.repeat(run), i + run);
      if (close < 0) {
        i += run;
        continue;
      }
      end = close + run;
    } else if (ch === 60 /* < */ && line.startsWith('<!--', i)) {
      const close = line.indexOf('-->', i + 4);
      end = close < 0 ? line.length : close + 3;
    } else {
      i++;
      continue;
    }
    parts.push(line.slice(copied, i), ' '.repeat(end - i));
    copied = i = end;
  }
  parts.push(line.slice(copied));
  return parts.join('');
}

/** `line.replace(/<!--[\s\S]*?-->/g, '')`: closed HTML comments removed, an unclosed one kept. */
export function dropComments(line: string): string {
  let open = line.indexOf('<!--');
  if (open < 0) return line;
  let out = '';
  let copied = 0;
  while (open >= 0) {
    const close = line.indexOf('-->', open + 4);
    // No `-->` after this `<!--` is none after a later one either.
    if (close < 0) break;
    out += line.slice(copied, open);
    copied = close + 3;
    open = line.indexOf('<!--', copied);
  }
  return out + line.slice(copied);
}

/** `text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')`: links and images replaced by their text. */
function unlink(text: string): string {
  let out = '';
  let copied = 0;
  let open = text.indexOf('[');
  while (open >= 0) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break;
    // Every `[` before this `]` closes here too: without `(` after it, none of them is a link.
    if (text.charCodeAt(close + 1) !== 40 /* ( */) {
      open = text.indexOf('[', close + 1);
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end < 0) break;
    out += text.slice(copied, open > copied && text[open - 1] === '!' ? open - 1 : open) + text.slice(open + 1, close);
    copied = end + 1;
    open = text.indexOf('[', copied);
  }
  return out + text.slice(copied);
}

const MARKUP = /[[*_~`<]|\s\s|[\t\n\r]/;

/** Markdown emphasis, code ticks, links and HTML comments removed: the words a person reads. */
export function plainText(text: string): string {
  // A long text (a title of thousands of words) is asked for again and again: its answer is kept, markup or not.
  const long = text.length > LONG_TEXT;
  if (!long && !MARKUP.test(text)) return text.trim();
  let result = plainCache.get(text);
  if (result === undefined) {
    if (plainCache.size > 20000) plainCache.clear();
    result = long && !MARKUP.test(text) ? text.trim() : stripMarkup(text);
    plainCache.set(text, result);
  }
  return result;
}

const plainCache = new Map<string, string>();
const LONG_TEXT = 256;

function stripMarkup(text: string): string {
  if (!/[[*_~<]/.test(text)) return text.replace(/`+/g, '').replace(/\s+/g, ' ').trim();
  return unlink(text.replace(/<!--[\s\S]*?(-->|$)/g, ' '))
    .replace(/(\*\*|__|~~)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/`+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text has something a person reads (not only spaces, emphasis marks, ticks or comments). Cheaper than plainText. */
export function hasText(text: string): boolean {
  const visible = text.indexOf('<!--') >= 0 ? text.replace(/<!--[\s\S]*?(-->|$)/g, '') : text;
  return /[^\s*_`~]/.test(visible);
}

export interface LabelMatch {
  label: string;
  /** Column offsets inside the given line. */
  labelStart: number;
  labelEnd: number;
  valueStart: number;
  value: string;
}

const EMPHASIS = /^(\*\*|__|\*|_)/;

/**
 * Reads `Label: value`, `**Label:** value`, `**Label**: value` (and `*`/`_` forms) at the start of a line.
 * The colon must be followed by a space or the line end, outside code spans, and not part of a URL.
 */
export function matchLabel(line: string): LabelMatch | undefined {
  const firstColon = line.indexOf(':');
  if (firstColon <= 0 || firstColon >= 160) return undefined;
  const masked = maskCode(line.length > 160 ? line.slice(0, 160) : line);
  let colon = -1;
  for (let i = masked.indexOf(':'); i >= 0 && i < 120; i = masked.indexOf(':', i + 1)) {
    let after = i + 1;
    const closing = EMPHASIS.exec(masked.slice(after));
    if (closing) after += closing[0].length;
    if (after >= masked.length || masked[after] === ' ' || masked[after] === '\t') {
      colon = i;
      break;
    }
    if (masked.startsWith('//', i + 1)) return undefined;
  }
  if (colon <= 0) return undefined;

  let labelStart = 0;
  const opening = EMPHASIS.exec(line);
  if (opening) labelStart = opening[0].length;
  let labelEnd = colon;
  let raw = line.slice(labelStart, labelEnd);
  const closingBefore = /(\*\*|__|\*|_)\s*$/.exec(raw);
  if (closingBefore) {
    labelEnd -= closingBefore[0].length;
    raw = line.slice(labelStart, labelEnd);
  }
  const label = raw.trim();
  if (!label || label.length > 100) return undefined;
  if (/^\[[ xX]\]/.test(label) || /->|→|=>|⇒|\|/.test(label)) return undefined;
  if (label.split(/\s+/).length > 12) return undefined;

  let valueStart = colon + 1;
  const closing = EMPHASIS.exec(line.slice(valueStart));
  if (closing) valueStart += closing[0].length;
  while (valueStart < line.length && (line[valueStart] === ' ' || line[valueStart] === '\t')) valueStart++;
  return {
    label: plainText(label),
    labelStart: labelStart + (raw.length - raw.trimStart().length),
    labelEnd,
    valueStart,
    value: line.slice(valueStart).trimEnd(),
  };
}

export interface TaskMatch {
  checked: boolean;
  /** Column of `[` inside the given text. */
  boxStart: number;
  textStart: number;
  text: string;
}

/** `[ ] text`, `[x] text`, `[X] text` at the start of a list item's text. */
export function matchTask(text: string): TaskMatch | undefined {
  const m = /^\[([ xX])\](?:\s+|$)/.exec(text);
  if (!m) return undefined;
  return { checked: m[1] !== ' ', boxStart: 0, textStart: m[0].length, text: text.slice(m[0].length).split('\n')[0].trim() };
}

export interface CellSpan {
  text: string;
  start: number;
  end: number;
}

/** `source.replace(/<!--[\s\S]*?-->\s*$/, (c) => ' '.repeat(c.length))`: a comment closing the line turned into spaces. */
function blankTrailingComment(source: string): string {
  const end = runStart(source, source.length, isSpace) - 3;
  const open = source.indexOf('<!--');
  if (end < 0 || !source.startsWith('-->', end) || open < 0 || open + 4 > end) return source;
  return source.slice(0, open) + ' '.repeat(source.length - open);
}

/**
 * Splits a table row's source line on unescaped pipes; spans exclude the outer pipes and surrounding spaces. A row is
 * read by each pass that looks at its table (sections, cues, mapping, links, risks, work items, checklist): it is
 * split once and the cells shared, so they are not to be changed.
 */
export function splitTableRow(source: string): CellSpan[] {
  let cells = rowCache.get(source);
  if (!cells) {
    if (rowCache.size >= ROW_CACHE_LIMIT) rowCache.clear();
    rowCache.set(source, (cells = computeTableRow(source)));
  }
  return cells;
}

const rowCache = new Map<string, CellSpan[]>();
/**
 * Rows kept before the cache starts again: more than any plan's tables hold (a go/no-go table of 16,000 rows was read
 * again by each pass once the cache cleared itself halfway through), few enough to bound what it keeps between plans.
 */
const ROW_CACHE_LIMIT = 1 << 17;

function computeTableRow(source: string): CellSpan[] {
  // A trailing comment (`<!-- connector-plan-disable-line … -->`) is not a cell.
  const line = source.indexOf('<!--') >= 0 ? blankTrailingComment(source) : source;
  const cells: CellSpan[] = [];
  let start = 0;
  let i = 0;
  const trimmed = line.trimEnd();
  const lead = trimmed.length - trimmed.trimStart().length;
  if (trimmed[lead] === '|') start = i = lead + 1;
  const end = trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.length - 1 > lead ? trimmed.length - 1 : trimmed.length;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && isSpace(line.charCodeAt(a))) a++;
    while (b > a && isSpace(line.charCodeAt(b - 1))) b--;
    cells.push({ text: line.slice(a, b), start: a, end: b });
  };
  for (; i < end; i++) {
    if (line[i] === '\\') {
      i++;
    } else if (line[i] === '|') {
      push(start, i);
      start = i + 1;
    }
  }
  push(start, end);
  return cells;
}
