import * as l10n from '@vscode/l10n';
import type { PlanModel, TaskItem } from './plan/model';
import { redactorFor } from './redaction';
import { statusEdit, statusesUsed } from './plan/status-cell';
import type { Finding, Position, TextEdit } from './types';

/** Every go/no-go item of the plan (the template's checklist section, every copy of it), in document order. */
export function goNoGoItems(plan: PlanModel): TaskItem[] {
  return plan.sections.flatMap((s) => (s.template?.role === 'checklist' ? s.tasks : []));
}

/** The preferred fix of every finding that has one, without overlapping edits: what "fix all" applies. */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.isPreferred);
    if (!fix || fix.edits.some((e) => edits.some((other) => overlaps(e, other)))) continue;
    edits.push(...fix.edits);
  }
  // At one point, what ends the part before it (a wave's stub) goes before a new section: lines after a heading are its own.
  const opensSection = (e: TextEdit) => (/^\n*#{1,6}[ \t]/.test(e.newText) ? 1 : 0);
  return edits
    .map((edit, i) => ({ edit, i }))
    .sort((a, b) => comparePositions(a.edit.range.start, b.edit.range.start) || opensSection(a.edit) - opensSection(b.edit) || a.i - b.i)
    .map(({ edit }) => edit);
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export interface FixAllResult {
  edits: TextEdit[];
  /** Edits that insert text (a section, a field label, a Mitigation line): stubs that still need words. */
  inserted: number;
  /** Edits that replace text (a value chosen for the user). */
  chosen: number;
  /** Where the first inserted stub's blank is once the edits are applied, for the cursor; undefined without stubs. */
  firstBlank?: Position;
}

/** What "fix all" does to a plan: its edits, what kind they are, and where the user's words go first. */
export function fixAll(findings: Finding[]): FixAllResult {
  const edits = fixAllEdits(findings);
  const sorted = [...edits].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  const isInsert = (e: TextEdit) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
  let shift = 0;
  let firstBlank: Position | undefined;
  for (const edit of sorted) {
    if (isInsert(edit) && !firstBlank) {
      const lines = edit.newText.split('\n');
      // The end of the first empty label (`- Scope:`), or the start of the first placeholder (`{external field}`).
      const at = lines.findIndex((l) => /:\s*$/.test(l) || /(?<!\$)\{[^{}\n]+\}/.test(l));
      if (at >= 0) {
        const placeholder = /:\s*$/.test(lines[at]) ? -1 : lines[at].search(/(?<!\$)\{[^{}\n]+\}/);
        firstBlank = { line: edit.range.start.line + shift + at, character: (at === 0 ? edit.range.start.character : 0) + (placeholder >= 0 ? placeholder : lines[at].length) };
      }
    }
    shift += edit.newText.split('\n').length - 1 - (edit.range.end.line - edit.range.start.line);
  }
  const inserted = edits.filter(isInsert).length;
  return { edits, inserted, chosen: edits.length - inserted, firstBlank };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Edits that switch a rule off for one finding's line or for the whole file, as markdownlint-style comments.
 * Table rows get a trailing `disable-line` comment, since a line inserted inside a table would end it.
 */
export function disableEdits(plan: PlanModel, finding: Finding): { line: TextEdit; file: TextEdit } {
  const line = finding.range.start.line;
  const text = plan.lines[line] ?? '';
  let lineEdit: TextEdit;
  if (/^\s*\|/.test(text)) {
    const end = { line, character: text.length };
    lineEdit = { range: { start: end, end }, newText: ` <!-- connector-plan-disable-line ${finding.ruleId} -->` };
  } else {
    const indent = /^\s*/.exec(text)![0];
    const at = { line, character: 0 };
    lineEdit = { range: { start: at, end: at }, newText: `${indent}<!-- connector-plan-disable-next-line ${finding.ruleId} -->\n` };
  }
  let top = 0;
  while (top < plan.lines.length && plan.nonProse[top] && top < 200 && plan.lines[0].trim() === '---') top++;
  const at = { line: top, character: 0 };
  return { line: lineEdit, file: { range: { start: at, end: at }, newText: `<!-- connector-plan-disable ${finding.ruleId} -->\n` } };
}

/** Why ticking an item wrote nothing: the line is no longer that item, or its table's words leave the word to write unclear. */
export type GoNoGoChange = { edit: TextEdit } | { problem: 'stale' | 'unclear'; message: string };

/**
 * The edit that ticks or unticks the go/no-go item (or a phase's gate item, a wave's task) on `line`, if that
 * line is still the item `expectedText` (the tree may be older than the document). A table row's whole status cell
 * gets its column's own done or open status (`Done`, `✅`, `✅ Done`); when the column's statuses leave that unclear, nothing.
 */
export function goNoGoChange(plan: PlanModel, line: number, checked: boolean, expectedText?: string): GoNoGoChange {
  const task = taskItems(plan).find((t) => t.line === line);
  if (!task || (expectedText !== undefined && task.text !== expectedText)) return { problem: 'stale', message: redactorFor(plan)(expectedText === undefined ? l10n.t('line {0} is no longer a go/no-go item', line + 1) : l10n.t('line {0} is no longer the go/no-go item "{1}"', line + 1, expectedText)) };
  const edit = statusEdit(plan.lines, task, checked);
  if (!edit) {
    const used = statusesUsed(task);
    const words = used.map((w) => `"${w}"`).join(', ');
    const message = used.length
      ? checked
        ? l10n.t('the status column of "{0}" uses {1}, so it is not clear what to write for done: edit the cell by hand', task.text, words)
        : l10n.t('the status column of "{0}" uses {1}, so it is not clear what to write for not done: edit the cell by hand', task.text, words)
      : checked
        ? l10n.t('the status column of "{0}" uses no status words, so it is not clear what to write for done: edit the cell by hand', task.text)
        : l10n.t('the status column of "{0}" uses no status words, so it is not clear what to write for not done: edit the cell by hand', task.text);
    return { problem: 'unclear', message: redactorFor(plan)(message) };
  }
  return { edit };
}

/** The edit of goNoGoChange, or undefined when it has none. */
export function goNoGoEdit(plan: PlanModel, line: number, checked: boolean, expectedText?: string): TextEdit | undefined {
  const change = goNoGoChange(plan, line, checked, expectedText);
  return 'edit' in change ? change.edit : undefined;
}

/** Every item with a box or a status: go/no-go items, and those of phases and waves. */
function taskItems(plan: PlanModel): TaskItem[] {
  return plan.sections.flatMap((s) => [...s.tasks, ...s.subsections.flatMap((sub) => sub.tasks)]);
}
