import { plainText, splitTableRow } from '../markdown/inline';
import type { TextEdit } from '../types';
import { readStatus } from './checklist';
import type { TaskItem } from './model';

/** What ticking writes when the column has no done status yet, keyed by its open mark or word; and the reverse for unticking. */
const COUNTERPART: Record<string, string> = {
  '❌': '✅', '✗': '✓', '✘': '✔', '⬜': '✅', '☐': '☑', '⏳': '✅', '⌛': '✅', '🟡': '🟢', '🟠': '🟢', '🔴': '🟢', '[ ]': '[x]', pending: 'Done', no: 'Yes', n: 'Y', blocked: 'Done',
  tbd: 'Done', todo: 'Done', 'to do': 'Done', open: 'Done', fail: 'Pass', failed: 'Passed', false: 'True', 'not started': 'Done', 'not done': 'Done',
};
const UNDO: Record<string, string> = {
  '✅': '❌', '✓': '✗', '✔': '✘', '☑': '☐', '🟢': '🔴', '[x]': '[ ]', done: 'Pending', yes: 'No', y: 'N', pass: 'Fail', passed: 'Failed',
  complete: 'Pending', completed: 'Pending', true: 'False', ok: 'Pending', met: 'Not met', ready: 'Pending', verified: 'Pending',
};

/** Status marks, which a word may follow in the same cell (`⏳ Pending`). */
const MARKS = new Set(['✅', '✔', '☑', '✓', '🟢', '❌', '✗', '✘', '⬜', '☐', '⏳', '⌛', '🟡', '🟠', '🔴', '[x]', '[ ]']);

/** The status a cell or mark says: a mark, a word or both (`✅ Done`), as written, and whether it means done. */
interface Status {
  mark?: string;
  word?: string;
  done: boolean;
}

const textOf = (s: Status) => [s.mark, s.word].filter(Boolean).join(' ');
const keyOf = (s: Status) => textOf(s).toLowerCase();

/** The status a cell opens with (`✅ Done (run 12)` says `✅ Done`); undefined for an empty cell or one with no status. */
function readCell(cell: string): Status | undefined {
  const first = readStatus(cell);
  if (!first?.word) return undefined;
  if (!MARKS.has(first.word.toLowerCase())) return { word: first.word, done: first.done };
  const rest = plainText(cell).replace(/[\uFE0E\uFE0F]/g, '').slice(first.word.length).trimStart();
  const then = rest ? readStatus(rest) : undefined;
  // A word that says the other state (`✅ Pending`) is no part of the status.
  const word = then?.word && !MARKS.has(then.word.toLowerCase()) && then.done === first.done ? then.word : undefined;
  return { mark: first.word, word, done: first.done };
}

/** The distinct statuses of a column, in row order: read once per column, whichever of its items asks. */
const columns = new WeakMap<readonly string[], Status[]>();

function statusesOf(column: readonly string[]): Status[] {
  let statuses = columns.get(column);
  if (!statuses) {
    const seen = new Map<string, Status>();
    for (const cell of column) {
      const status = readCell(cell);
      if (status && !seen.has(keyOf(status))) seen.set(keyOf(status), status);
    }
    columns.set(column, (statuses = [...seen.values()]));
  }
  return statuses;
}

/** The statuses a table item's column (or a mark item's list) uses, as written: what a refusal names. */
export function statusesUsed(item: TaskItem): string[] {
  return statusesOf(item.column ?? []).map(textOf);
}

/**
 * What ticking (or unticking) writes as the item's status: the one status its column uses for that state, else the
 * counterpart of the one it uses for the other (mark and word alike: `⏳ Pending` -> `✅ Done`); undefined when the
 * column's statuses leave it unclear.
 */
export function statusTextFor(item: TaskItem, checked: boolean): string | undefined {
  if (item.form === 'checkbox') return checked ? '[x]' : '[ ]';
  const statuses = statusesOf(item.column ?? []);
  const same = statuses.filter((s) => s.done === checked);
  if (same.length) return same.length === 1 ? textOf(same[0]) : undefined;
  const table = checked ? COUNTERPART : UNDO;
  const answers = new Set(statuses.map((s) => {
    const mark = s.mark && table[s.mark.toLowerCase()];
    const word = s.word && table[s.word.toLowerCase()];
    return (s.mark && !mark) || (s.word && !word) ? undefined : textOf({ mark, word: word && matchCase(word, s.word!), done: checked });
  }));
  return answers.size === 1 ? [...answers][0] : undefined;
}

/**
 * The edit that ticks or unticks an item: its box, its mark, or a table row's whole status cell (what followed the old
 * status there goes with it: `Pending setup` becomes `Done`, never `Done setup`); undefined when what to write is unclear.
 */
export function statusEdit(lines: readonly string[], item: TaskItem, checked: boolean): TextEdit | undefined {
  const text = statusTextFor(item, checked);
  if (text === undefined) return undefined;
  if (item.form !== 'table') return { range: item.boxRange, newText: text };
  const line = lines[item.line] ?? '';
  const at = item.boxRange.start.character;
  const cell = splitTableRow(line).find((c) => c.start <= at && at <= c.end);
  if (!cell) return { range: item.boxRange, newText: text };
  // An empty cell is its closing pipe: the word goes before it, spaced like a written cell.
  const newText = cell.text ? text : `${line[cell.start - 1] === ' ' ? '' : ' '}${text} `;
  return { range: { start: { line: item.line, character: cell.start }, end: { line: item.line, character: cell.end } }, newText };
}

function matchCase(word: string, like: string): string {
  if (like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (like === like.toLowerCase() && like !== like.toUpperCase()) return word.toLowerCase();
  return word;
}
