import type { Block } from '../markdown/blocks';
import { plainText } from '../markdown/inline';
import { isSpace, runStart } from '../markdown/scan';
import type { Heading, WorkStatus } from './model';

/** `E+F) Delivery and Agent Waves`, `A/B) Why and What We Read`: one heading for two sections. */
const MERGED_PREFIX = /^(?:section\s+)?\(?([A-Z])\s*[+/&]\s*([A-Z])\s*[).:]\s+/;
const LETTER_PREFIX = /^(?:section\s+)?(?:\(([A-Za-z])\)|([A-Za-z])(?:\s*[).:\]]|\s+[-—–]))\s+/i;
/** `2.`, `2.3`, and outline numbers in roman numerals: `IV.`, `V.1` (a lone `I.` is read as a letter). */
const NUMBER_PREFIX = /^(?:section\s+)?(?:(\d+)(?:\.\d+)*|(?:[IVX]{2,}(?=\.)|[IVX]+(?=\.\d))(?:\.\d+)*)[).:]?\s+/;
/** Emoji and marks before the words (`✅ Phase 1`, `🎯 A) Goals`) are not part of the title. */
const LEADING_MARKS = /^[^\p{L}\p{N}([{`*_]+\s*/u;

const STATUS: [RegExp, WorkStatus][] = [
  [/\b(deferred|postponed|descoped|de-scoped|out of scope|skipped|won'?t do|parked)\b/i, 'deferred'],
  [/\boptional\b/i, 'optional'],
  [/\bpartial(ly)?\b/i, 'partial'],
  [/\b(in[- ]progress|wip|ongoing|underway)\b/i, 'in-progress'],
  [/\bblocked\b/i, 'blocked'],
  [/\b(not started|to ?do|planned|pending)\b/i, 'not-started'],
  [/\b(complete|completed|done|shipped|finished)\b|✅/i, 'complete'],
];

/** Splits `E) Delivery Phases — updated` / `Phase 2: Sync Engine — PARTIAL (auth only)` into its parts. */
export function readHeading(block: Block, lines: string[]): Heading {
  let heading = read.get(block);
  if (!heading) read.set(block, (heading = readHeadingText(block, lines)));
  return heading;
}

/** Each heading block is read once per parse, whoever asks (sections, phases, nested sections). */
const read = new WeakMap<Block, Heading>();

function readHeadingText(block: Block, lines: string[]): Heading {
  const raw = block.inline ?? '';
  const sourceLine = lines[block.startLine] ?? '';
  let col = sourceLine.indexOf(raw);
  if (col < 0) col = Math.max(0, sourceLine.length - sourceLine.trimStart().replace(/^#+\s*/, '').length);
  return headingFromText(raw, block.startLine, block.level ?? 1, col);
}

/** Reads a heading's parts from its text: also a phase written as a list item's label or a table row's first cell. */
export function headingFromText(raw: string, line: number, level: number, col: number): Heading {
  const heading: Heading = {
    line,
    level,
    text: raw,
    title: '',
    range: { start: { line, character: col }, end: { line, character: col + raw.length } },
  };

  let text = plainText(raw).replace(LEADING_MARKS, '');
  const number = NUMBER_PREFIX.exec(text);
  const merged = MERGED_PREFIX.exec(text);
  const letter = number && !number[1] ? null : merged ? null : LETTER_PREFIX.exec(text);
  if (merged) {
    heading.letter = merged[1];
    heading.letters = [merged[1], merged[2]];
    text = text.slice(merged[0].length);
  } else if (letter) {
    heading.letter = (letter[1] ?? letter[2]).toUpperCase();
    text = text.slice(letter[0].length);
  } else {
    const num = number;
    if (num) {
      if (num[1]) heading.number = Number(num[1]);
      text = text.slice(num[0].length);
    }
  }

  const { core, suffix } = splitSuffix(text);
  heading.title = core;
  const statusText = suffix ?? (/^[A-Z\s]+$/.test(core) ? core : '');
  for (const [pattern, status] of STATUS) {
    if (pattern.test(statusText)) {
      heading.status = status;
      break;
    }
  }
  if (!heading.status && /\(optional\)/i.test(text)) heading.status = 'optional';
  // A tick anywhere in the heading (`Phase 1 ✅`, `✔ Wave 2`) says it is done.
  if (!heading.status && /[✅✔☑]/u.test(raw)) heading.status = 'complete';
  return heading;
}

/** `Sync Engine — PARTIAL (auth only)` -> core `Sync Engine`, suffix `PARTIAL (auth only)`. */
function splitSuffix(text: string): Readonly<{ core: string; suffix?: string }> {
  let split = suffixCache.get(text);
  if (!split) {
    if (suffixCache.size > 10000) suffixCache.clear();
    suffixCache.set(text, (split = computeSuffix(text)));
  }
  return split;
}

/** A heading's text is read by each pass that builds a heading from it (sections, nesting, phases): split once. */
const suffixCache = new Map<string, Readonly<{ core: string; suffix?: string }>>();

function computeSuffix(text: string): { core: string; suffix?: string } {
  const dash = suffixDash(text);
  if (dash && dash.index > 0) return { core: text.slice(0, dash.index).trim(), suffix: text.slice(dash.end).trim() };
  const paren = closingRemark(text);
  if (paren && paren.index > 0 && STATUS.some(([p]) => p.test(paren.remark))) {
    return { core: text.slice(0, paren.index).trim(), suffix: paren.remark };
  }
  return { core: text.trim() };
}

const spaceEnd = (text: string, from: number) => {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
};

/**
 * The first ` — `, ` - `, ` -- ` or `|` (with the spaces around it) in the text, read once: a run of spaces that
 * leads to none is skipped whole. A dash inside brackets (`Setup (Manual — Owner: Dana)`) belongs to the title.
 */
function suffixDash(text: string, brackets = true): { index: number; end: number } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const q = spaceEnd(text, i);
    const ch = text[q];
    // A character after spaces is looked at again from its own index: count brackets there, once.
    if (q === i && (ch === '(' || ch === '[')) depth++;
    else if (q === i && (ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth > 0 && brackets) {
      i = q > i ? q : i + 1;
      continue;
    }
    if (ch === '|') return { index: i, end: spaceEnd(text, q + 1) };
    const dashes = ch === '—' || ch === '–' ? 1 : ch === '-' ? (text[q + 1] === '-' ? 2 : 1) : 0;
    if (q > i && dashes && isSpace(text.charCodeAt(q + dashes))) return { index: i, end: spaceEnd(text, q + dashes) };
    i = q > i ? q : i + 1;
  }
  // A bracket never closed (`Sync [a (b] — DONE`) holds no title: read the dashes as if there were none.
  return depth > 0 && brackets ? suffixDash(text, false) : undefined;
}

/** `/\s*[([]([^)\]]*)[)\]]\s*$/`, read from the end: a remark in brackets closing the text. */
function closingRemark(text: string): { index: number; remark: string } | undefined {
  const end = runStart(text, text.length, isSpace) - 1;
  if (end < 0 || (text[end] !== ')' && text[end] !== ']')) return undefined;
  let open = -1;
  for (let i = end - 1; i >= 0 && text[i] !== ')' && text[i] !== ']'; i--) if (text[i] === '(' || text[i] === '[') open = i;
  return open < 0 ? undefined : { index: runStart(text, open, isSpace), remark: text.slice(open + 1, end) };
}

/** `Phase 2: Sync Engine` -> kind `phase`, number 2, title `Sync Engine`. */
export function readWorkHeading(title: string): Readonly<WorkHeading> {
  let work = workCache.get(title);
  if (!work) {
    if (workCache.size > 10000) workCache.clear();
    workCache.set(title, (work = computeWorkHeading(title)));
  }
  return work;
}

interface WorkHeading {
  kind?: string;
  number?: number;
  rest: string;
}

/** A title is read as a work item's by each pass that asks (sections, phases, cues): read once. */
const workCache = new Map<string, Readonly<WorkHeading>>();

function computeWorkHeading(title: string): WorkHeading {
  // `/^([A-Za-z][\w-]*)\s*#?(\d+)?\s*[:.)\-—–]?\s*(.*)$/` without adjacent \s*: the rest is one line or no match.
  const m = /^([A-Za-z][\w-]*)\s*(?:(?:#?(\d+)|#)\s*)?(?:[:.)\-—–]\s*)?([^]*)/.exec(title);
  if (!m || /[\n\r\u2028\u2029]/.test(m[3])) return { rest: title };
  return { kind: m[1].toLowerCase().replace(/s$/, ''), number: m[2] ? Number(m[2]) : undefined, rest: m[3] ?? '' };
}
