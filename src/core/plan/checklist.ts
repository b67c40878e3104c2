import { leadText, type Block } from '../markdown/blocks';
import { matchTask, plainText, splitTableRow } from '../markdown/inline';
import { textColumn } from './fields';
import type { TaskItem } from './model';
import type { Outline } from './outline';
import { forEachItem } from './sections';

// Status words of go/no-go tables, as teams write them. The first of each pair is the done one.
const DONE = /^(?:✅|✔️?|☑️?|✓|🟢|\[[xX]\]|done|yes|y|pass(?:ed)?|complete(?:d)?|ok|go|true|met|ready|green|approved|signed[- ]off|verified)(?![\w-])/i;
const OPEN = /^(?:❌|✗|✘|⬜|☐|⏳|⌛|🟡|🟠|🔴|\[ \]|pending|no|n|blocked|tbd|to ?do|open|fail(?:ed)?|in[- ]progress|not (?:started|done|yet|met)|no-go|waiting|false|red|amber|yellow|wip|-|—|–)(?![\w-])/i;
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
  visitTables(blocks, (table) => {
    for (const item of statusTableItems(table, outline)) tasks.push(item);
  });
  return tasks.sort((a, b) => a.line - b.line);
}

function visitTables(blocks: Block[], visit: (table: Block) => void): void {
  for (const block of blocks) {
    if (block.type === 'table') visit(block);
    else if (block.children.length) visitTables(block.children, visit);
  }
}

/** Each table's items, read once: the section finder asks whether a table is a checklist, the section reads its items. */
const tableItems = new WeakMap<Block, readonly TaskItem[]>();

/** A table is a checklist when a column holds status words (by its header, or by every cell in it). Not to be changed: shared. */
export function statusTableItems(table: Block, outline: Outline): readonly TaskItem[] {
  let items = tableItems.get(table);
  if (!items) tableItems.set(table, (items = readStatusTable(table, outline)));
  return items;
}

function readStatusTable(table: Block, outline: Outline): TaskItem[] {
  const rows = table.rows ?? [];
  if (rows.length < 2) return [];
  const header = splitTableRow(outline.lines[rows[0].line]);
  const body = rows.filter((r) => !r.header).map((r) => ({ line: r.line, cells: splitTableRow(outline.lines[r.line]) }));
  const column = statusColumn(header.map((cell) => cell.text), body.map((r) => r.cells.map((cell) => cell.text)));
  if (column < 0) return [];
  const criterion = header.findIndex((_, i) => i !== column && body.some((r) => plainText(r.cells[i]?.text ?? '')));
  if (criterion < 0) return [];
  const cells = body.map((r) => r.cells[column]?.text ?? '');
  const items: TaskItem[] = [];
  for (const row of body) {
    const text = plainText(row.cells[criterion]?.text ?? '');
    const cell = row.cells[column];
    if (!text || !cell) continue;
    const status = readStatus(cell.text);
    const at = status?.word ? outline.lines[row.line].indexOf(status.word, cell.start) : -1;
    const range = at >= 0 ? lineRange(row.line, at, at + status!.word.length) : lineRange(row.line, cell.start, cell.end);
    items.push({ line: row.line, checked: Boolean(status?.done), text, boxRange: range, form: 'table', column: cells });
  }
  return items;
}

/**
 * The status column of a table (its header cells and its body rows' cells, as written), or -1: a column whose header
 * says status (`Status`, `Done`, `✅`…) with a status word in at least half its cells, else one whose every cell is a
 * status word, a real one among them (not all `—`).
 */
export function statusColumn(header: readonly string[], body: readonly (readonly string[])[]): number {
  const statusOf = (i: number) => body.map((cells) => readStatus(cells[i] ?? ''));
  const column = header.findIndex((cell, i) => STATUS_HEADER.test(plainText(cell)) && statusOf(i).filter(Boolean).length * 2 >= body.length);
  if (column >= 0) return column;
  return header.findIndex((_, i) => statusOf(i).every((s) => s && s.word) && statusOf(i).some((s) => s!.done || /\w|[^\s\-—–]/u.test(s!.word.replace(/[-—–]/g, ''))));
}

function lineRange(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}
