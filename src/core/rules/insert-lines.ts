import { parseBlocks, type Block } from '../markdown/blocks';
import type { PlanModel } from '../plan/model';
import type { TextEdit } from '../types';

type Reading = 'as-is' | 'after-blank' | 'never';

const readings = new WeakMap<PlanModel, Map<number, Reading>>();

/**
 * The edit that inserts `text` (whole lines, ending in a newline) before `line`, placed where markdown reads it as
 * written: past the last line of a document without a final newline it starts a line of its own; after an HTML block
 * that would take it in, it follows a blank line. Undefined where nothing can be read (an unclosed code fence or
 * comment runs to the end): a stub there would be inserted again by every Fix All.
 */
export function insertLines(plan: PlanModel, line: number, text: string): TextEdit | undefined {
  const { lines } = plan;
  const last = lines.length - 1;
  let at = Math.min(line, lines.length);
  // After a final newline, the end of the text is the start of its empty last line.
  if (at > last && lines[last] === '') at = last;
  let newText = text;
  if (at > 0 && plan.nonProse[at - 1]) {
    const reading = readingAfter(plan, at, text);
    if (reading === 'never') return undefined;
    if (reading === 'after-blank' && !text.startsWith('\n')) newText = `\n${text}`;
  }
  // A line of text right after the stub would read as the rest of its last line (`- Tasks:` then `**Tasks:**`).
  if (at <= last && lines[at].trim() && takesNextLine(newText, lines[at])) newText += '\n';
  // Past the last line of a text without a final newline: on a line of its own.
  return at <= last ? insertion(at, 0, newText) : insertion(last, lines[last].length, `\n${newText}`);
}

function insertion(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

/**
 * How the first written line of `text` is read when inserted at `line`, right after code, HTML or front matter. The
 * block before decides it whatever the line is (a stub or a heading), so it is asked once per point.
 */
function readingAfter(plan: PlanModel, line: number, text: string): Reading {
  const probe = text.replace(/^\n+/, '').split('\n', 1)[0];
  let cache = readings.get(plan);
  if (!cache) readings.set(plan, (cache = new Map()));
  let reading = cache.get(line);
  if (reading) return reading;
  // Only the run of non-prose lines before the point decides whether it takes in the next line.
  let start = line - 1;
  while (start > 0 && plan.nonProse[start - 1]) start--;
  const before = plan.lines.slice(start, line).join('\n');
  const swallowed = (gap: string) => insideBlock(parseBlocks(`${before}\n${gap}${probe}`), line - start + gap.length);
  reading = !swallowed('') ? 'as-is' : !swallowed('\n') ? 'after-blank' : 'never';
  cache.set(line, reading);
  return reading;
}

/** Whether the paragraph `text` ends in goes on into `next`. */
function takesNextLine(text: string, next: string): boolean {
  const rows = text.split('\n');
  let last = rows.length - 1;
  while (last > 0 && !rows[last].trim()) last--;
  if (rows[last].trim() === '') return false;
  // Asked once per finding with a fix: a plan of thousands of risks asks for thousands of two-line parses, most of
  // them the same question in other words.
  const key = `${rows[last]}\n${blockShape(next)}`;
  let takes = continues.get(key);
  if (takes === undefined) {
    if (continues.size > 5000) continues.clear();
    continues.set(key, (takes = paragraphEnd(parseBlocks(`${rows[last]}\n${blockShape(next)}`)) > 1));
  }
  return takes;
}

const continues = new Map<string, boolean>();

/**
 * A line as markdown's block rules see it, other words made alike: its first 16 characters as written but digits
 * 2–9 read as 2 (`1.` and `01.` may interrupt a paragraph, `2.` and `12.` not, whatever the number), the rest kept
 * where a character can make a block (`-`, `=`, `*`, `_`, `|`, `:`, backticks, `~`, `<`, `>`, spaces) and `x` else.
 */
function blockShape(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (i < 16) out += c >= '2' && c <= '9' ? '2' : c;
    else out += '-=*_|:`~<> \t'.includes(c) ? c : 'x';
  }
  return out;
}

/** Where the paragraph holding the first line ends, among `blocks` and their children. */
function paragraphEnd(blocks: Block[]): number {
  for (const b of blocks) {
    if (b.startLine > 0) continue;
    if (b.type === 'paragraph' || b.type === 'heading') return b.endLine;
    const inner = paragraphEnd(b.children);
    if (inner) return inner;
  }
  return 0;
}

/** Whether `line` lies in a code or HTML block among `blocks`. */
function insideBlock(blocks: Block[], line: number): boolean {
  return blocks.some((b) => line >= b.startLine && line < b.endLine && (b.type === 'code' || b.type === 'html' || insideBlock(b.children, line)));
}
