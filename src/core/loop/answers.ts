import type { Block, TableRow } from '../markdown/blocks';
import type { Outline } from '../plan/outline';
import { findIds, skipSeparators, statusOfPhrase, statusOfVerb, wholeId, withoutEmphasis, type FindingStatus, type IdMatch } from './words';

// What a round says of findings raised before it: a status table (`| Finding 1 | P1 | Fixed |`), a heading suffix
// (`### F2 — FIXED`), a delta section's `**Outcome:**` line, or prose (`closes P1-1`, `P2-1 is fixed`,
// `addresses P2.3 (partial)`). A mention with no status word states nothing.

export interface Answer {
  id: string;
  status: FindingStatus;
  /** 0-based line of the statement. */
  line: number;
}

const STATUS_HEADERS = new Set(['status', 'outcome', 'resolution', 'result', 'state', 'decision', 'verdict', 'disposition']);
const OUTCOME_LABELS = new Set(['outcome', 'status', 'resolution', 'decision', 'result']);

/** Every status statement of a round, in line order; `skip` holds lines that raise findings (never answers). */
export function readAnswers(outline: Outline, skip: ReadonlySet<number>): Answer[] {
  const answers: Answer[] = [];
  const structured = new Uint8Array(outline.lines.length);
  /** The ids a heading names without a status, by its line: a delta section whose Outcome line states it. */
  const sections = new Map<number, string[]>();
  const visit = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading') {
        structured[block.startLine] = 1;
        if (!skip.has(block.startLine)) headingAnswer(withoutEmphasis(block.inline ?? ''), block.startLine, answers, sections);
      } else if (block.type === 'table' && block.rows) {
        structured.fill(1, block.startLine, block.endLine);
        tableAnswers(block.rows.filter((row) => !skip.has(row.line)), answers);
      } else if (block.children.length) visit(block.children);
    }
  };
  visit(outline.blocks);

  let delta: string[] | undefined;
  for (let i = 0; i < outline.lines.length; i++) {
    if (structured[i]) {
      delta = sections.get(i);
      continue;
    }
    if (outline.nonProse[i] || skip.has(i)) continue;
    const line = outline.lines[i];
    const outcome = delta && outcomeValue(line);
    if (delta && outcome !== undefined) {
      const status = statusOfPhrase(outcome) ?? 'unclear';
      for (const id of delta) answers.push({ id, status, line: i });
      delta = undefined;
      continue;
    }
    proseAnswers(line, i, answers);
  }
  return answers.sort((a, b) => a.line - b.line);
}

/** `### F2 — FIXED` states a status; `### Delta for P1-1 — allow-list` names the finding its section answers. */
function headingAnswer(text: string, line: number, answers: Answer[], sections: Map<number, string[]>): void {
  const ids = findIds(text);
  if (!ids.length) return;
  if (ids[0].start === 0) {
    const suffix = skipSeparators(text.slice(ids[0].end)).trim();
    const status = suffix.split(/\s+/).length <= 4 ? statusOfPhrase(suffix) : undefined;
    if (status) {
      answers.push({ id: ids[0].id, status, line });
      return;
    }
  }
  sections.set(line, ids.map((m) => m.id));
}

/** `**Outcome:** fixed.` -> `fixed.`; undefined for any other line. */
function outcomeValue(line: string): string | undefined {
  const text = withoutEmphasis(line).replace(/^\s*(?:[-*+]\s)?/, '').trim();
  const m = /^([A-Za-z]+)\s?:/.exec(text);
  return m && OUTCOME_LABELS.has(m[1].toLowerCase()) ? text.slice(m[0].length).trim() : undefined;
}

/** Rows that name an id in one of their first two cells; the status column by its header, else the column of status words. */
function tableAnswers(rows: TableRow[], answers: Answer[]): void {
  const header = rows[0]?.header ? rows[0] : undefined;
  const body: { row: TableRow; id: IdMatch; idColumn: number }[] = [];
  for (const row of rows) {
    if (row.header) continue;
    const idColumn = row.cells.slice(0, 2).findIndex((cell) => wholeId(cell));
    if (idColumn >= 0) body.push({ row, id: wholeId(row.cells[idColumn])!, idColumn });
  }
  if (!body.length) return;
  const names = header ? header.cells.map((cell) => withoutEmphasis(cell).trim().toLowerCase()) : [];
  let statusColumn = names.findIndex((name) => STATUS_HEADERS.has(name));
  if (statusColumn < 0) {
    // Counted row by row over each row's own cells: a wide header over many short rows stays linear.
    const stated: number[] = [];
    for (const b of body) b.row.cells.forEach((cell, column) => (stated[column] = (stated[column] ?? 0) + (column !== b.idColumn && statusOfPhrase(cell) ? 1 : 0)));
    let best = 0;
    // Several columns of statuses (`Round 04 says | Re-review`): the last one states the latest.
    stated.forEach((count, column) => {
      if (count && count >= best && count * 2 >= body.length) [best, statusColumn] = [count, column];
    });
  }
  if (statusColumn < 0) return;
  for (const { row, id } of body) {
    const cell = (row.cells[statusColumn] ?? '').trim();
    if (cell) answers.push({ id: id.id, status: statusOfPhrase(cell) ?? 'unclear', line: row.line });
  }
}

/** `This closes P1-1.`, `P2-2 is deferred to phase 4`, `addresses P2.3 (partial)`, `**P1-1** — fixed in PR #412`. */
function proseAnswers(line: string, lineNumber: number, answers: Answer[]): void {
  const ids = findIds(line);
  for (let first = 0; first < ids.length; ) {
    // `P1-1 and P2-1 are fixed`: ids joined by commas or `and` share one statement.
    let last = first;
    while (last + 1 < ids.length && JOINERS.has(line.slice(ids[last].end, ids[last + 1].start).replace(/[\s,&/*]+/g, ' ').trim())) last++;
    // What follows an id is read within a short window: a line of many ids costs each id the same.
    let after = line.slice(ids[last].end, ids[last].end + AFTER_WINDOW);
    // `- **P1-1 staff-opened tickets** — *fixed.*`: a bold lead of the id and a few words, the status after it.
    if (line.slice(Math.max(0, ids[first].start - 2), ids[first].start) === '**' && !after.startsWith('**')) {
      const close = after.indexOf('**');
      if (close > 0 && after.slice(0, close).split(/\s+/).length <= LEAD_WORDS) after = after.slice(close);
    }
    after = after.replace(/^[*`]+/, '').trim();
    const before = line.slice(0, ids[first].start);
    let status: FindingStatus | undefined;
    if (after.startsWith('(')) status = statusOfPhrase(after.slice(1, after.indexOf(')') >= 0 ? after.indexOf(')') : 1));
    status ??= statusOfPhrase(skipSeparators(after).replace(/^(?:are|were|has been|have been)\s/, ''));
    status ??= statusOfVerb(lastWord(before));
    if (status) for (let k = first; k <= last; k++) answers.push({ id: ids[k].id, status, line: lineNumber });
    first = last + 1;
  }
}

const JOINERS = new Set(['', 'and', 'or']);
const AFTER_WINDOW = 80;
/** The most words a bold lead may hold after its id and still be only the finding's short name. */
const LEAD_WORDS = 8;

/** The last word of a text, past trailing spaces, `*` and backticks (a scan back, not a regex anchored at the end). */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t*`'.indexOf(text[end - 1]) >= 0) end--;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1])) start--;
  return text.slice(start, end);
}
