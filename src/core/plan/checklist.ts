import { leadText, type Block } from '../markdown/blocks';
import { matchTask, plainText, splitTableRow } from '../markdown/inline';
import { textColumn } from './fields';
import type { TaskItem } from './model';
import type { Outline } from './outline';
import { forEachItem } from './sections';

// Status words of go/no-go tables, as teams write them. The first of each pair is the done one.
const DONE = /^(?:✅|✔️?|☑️?|✓|🟢|\[[xX]\]|done|yes|y|pass(?:ed)?|complete(?:d)?|ok|go|true|met|ready|green|approved|signed[- ]off|verified)(?![\w-])/i;
const OPEN = /^(?:❌|✗|✘|⬜|☐|⏳|⌛|🟡|🟠|🔴|\[ \]|pending|no|n|blocked|tbd|to ?do|open|fail(?:ed)?|in[- ]progress|not (?:started|done|yet|met)|no-go|waiting|false|red|amber|yellow|wip|-|—|–)(?![\w-])/i;
/** What ticking writes when the column has no done word yet, keyed by its open word; and the reverse for unticking. */
const COUNTERPART: Record<string, string> = {
  '❌': '✅', '✗': '✓', '✘': '✔', '⬜': '✅', '☐': '☑', '⏳': '✅', '⌛': '✅', '🟡': '🟢', '🟠': '🟢', '🔴': '🟢', '[ ]': '[x]', pending: 'Done', no: 'Yes', n: 'Y', blocked: 'Done',
  tbd: 'Done', todo: 'Done', 'to do': 'Done', open: 'Done', fail: 'Pass', failed: 'Passed', false: 'True', 'not started': 'Done', 'not done': 'Done',
};
const UNDO: Record<string, string> = {
  '✅': '❌', '✓': '✗', '✔': '✘', '☑': '☐', '🟢': '🔴', '[x]': '[ ]', done: 'Pending', yes: 'No', y: 'N', pass: 'Fail', passed: 'Failed',
  complete: 'Pending', completed: 'Pending', true: 'False', ok: 'Pending', met: 'Not met', ready: 'Pending', verified: 'Pending',
};
const STATUS_HEADER = /\b(?:status|done|results?|state|go|pass(?:ed)?|checked|complete|ready|met|verdict|outcome)\b|✅/i;

/** The status word a cell starts with and whether it means done; undefined when it is no status word. */
export function readStatus(cell: string): { word: string; done: boolean } | undefined {
  // `✔︎` and `✔️` are `✔` drawn as text or as emoji.
  const text = plainText(cell).replace(/[\uFE0E\uFE0F]/g, '');
  const done = DONE.exec(text);
  if (done) return { word: done[0], done: true };
  const open = OPEN.exec(text);
  if (open) return { word: open[0], done: false };
  return text ? undefined : { word: '', done: false };
}

/** A status mark opening a list item: `1. ✅ Auth passes`, `- ⏳ Metrics spot-checked`. */
const MARK = /^(?:✅|✔|☑|✓|🟢|❌|✗|✘|⬜|☐|⏳|⌛|🟡|🟠|🔴)[\uFE0E\uFE0F]?(?=\s)/u;

/** Checkbox items, items opened by a status mark and rows of status tables among the blocks, in document order. */
export function readChecklist(blocks: Block[], outline: Outline): TaskItem[] {
  const tasks: TaskItem[] = [];
  const marks: TaskItem[] = [];
  forEachItem(blocks, (item) => {
    const lead = leadText(item);
    const task = lead === undefined ? undefined : matchTask(lead);
    const mark = !task && lead !== undefined ? MARK.exec(lead) : null;
    if (mark) {
      const source = outline.lines[item.startLine];
      const col = source.indexOf(mark[0], textColumn(source, lead!) - 1);
      marks.push({ line: item.startLine, checked: readStatus(mark[0])!.done, text: plainText(lead!.slice(mark[0].length).split('\n', 1)[0]), boxRange: lineRange(item.startLine, col, col + mark[0].length), form: 'mark' });
      return;
    }
    if (!task) return;
    const source = outline.lines[item.startLine];
    const col = source.indexOf('[', textColumn(source, lead!) - 1);
    tasks.push({ line: item.startLine, checked: task.checked, text: plainText(task.text), boxRange: lineRange(item.startLine, col, col + 3), form: 'checkbox' });
  });
  // Marks follow the words the list already uses, as a table's status column does.
  const used = marks.map((m) => outline.lines[m.line].slice(m.boxRange.start.character, m.boxRange.end.character));
  for (const mark of marks) tasks.push({ ...mark, column: used });
  visitTables(blocks, (table) => tasks.push(...statusTableItems(table, outline)));
  return tasks.sort((a, b) => a.line - b.line);
}

function visitTables(blocks: Block[], visit: (table: Block) => void): void {
  for (const block of blocks) {
    if (block.type === 'table') visit(block);
    else if (block.children.length) visitTables(block.children, visit);
  }
}

/** A table is a checklist when a column holds status words (by its header, or by every cell in it). */
export function statusTableItems(table: Block, outline: Outline): TaskItem[] {
  const rows = table.rows ?? [];
  if (rows.length < 2) return [];
  const header = splitTableRow(outline.lines[rows[0].line]);
  const body = rows.filter((r) => !r.header).map((r) => ({ line: r.line, cells: splitTableRow(outline.lines[r.line]) }));
  const statusOf = (i: number) => body.map((r) => readStatus(r.cells[i]?.text ?? ''));
  let column = header.findIndex((cell, i) => STATUS_HEADER.test(plainText(cell.text)) && statusOf(i).filter(Boolean).length * 2 >= body.length);
  // Without a status header, a column is one only when every cell is a status word, a real one among them (not all `—`).
  if (column < 0) column = header.findIndex((_, i) => statusOf(i).every((s) => s && s.word) && statusOf(i).some((s) => s!.done || /\w|[^\s\-—–]/u.test(s!.word.replace(/[-—–]/g, ''))));
  if (column < 0) return [];
  const criterion = header.findIndex((_, i) => i !== column && body.some((r) => plainText(r.cells[i]?.text ?? '')));
  if (criterion < 0) return [];
  const words_ = statusOf(column).map((s) => s?.word ?? '');
  const items: TaskItem[] = [];
  for (const row of body) {
    const text = plainText(row.cells[criterion]?.text ?? '');
    const cell = row.cells[column];
    if (!text || !cell) continue;
    const status = readStatus(cell.text);
    const at = status?.word ? outline.lines[row.line].indexOf(status.word, cell.start) : -1;
    const range = at >= 0 ? lineRange(row.line, at, at + status!.word.length) : lineRange(row.line, cell.start, cell.end);
    items.push({ line: row.line, checked: Boolean(status?.done), text, boxRange: range, form: 'table', column: words_ });
  }
  return items;
}

/**
 * The word that ticking (or unticking) a table item writes: one the column already uses for that state, else the
 * counterpart of the words it uses for the other state; undefined when the column's words leave it unclear.
 */
export function statusWordFor(item: TaskItem, checked: boolean): string | undefined {
  if (item.form === 'checkbox') return checked ? '[x]' : '[ ]';
  // Every item of a table shares its column: read the column once, not once per row.
  const column = item.column ?? NO_WORDS;
  let known = wordsFor.get(column);
  if (!known) wordsFor.set(column, (known = new Map()));
  if (!known.has(checked)) known.set(checked, columnWordFor(column, checked));
  return known.get(checked);
}

const NO_WORDS: string[] = [];
const wordsFor = new WeakMap<readonly string[], Map<boolean, string | undefined>>();

function columnWordFor(column: readonly string[], checked: boolean): string | undefined {
  const used = column.filter((w) => w && readStatus(w)?.done === checked);
  const same = [...new Set(used.map((w) => w.toLowerCase()))];
  if (same.length === 1) return used[0];
  if (same.length > 1) return undefined;
  const others = [...new Set(column.filter((w) => w && readStatus(w)?.done !== checked).map((w) => w.toLowerCase()))];
  const table = checked ? COUNTERPART : UNDO;
  const answers = [...new Set(others.map((w) => table[w]))];
  if (answers.length !== 1 || !answers[0]) return undefined;
  const example = column.find((w) => w.toLowerCase() === others[0]) ?? '';
  return matchCase(answers[0], example);
}

function matchCase(word: string, like: string): string {
  if (like && like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (like && like === like.toLowerCase() && like !== like.toUpperCase()) return word.toLowerCase();
  return word;
}

function lineRange(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}
