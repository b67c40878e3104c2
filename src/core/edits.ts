import type { PlanModel, TaskItem } from './plan/model';

/** Every go/no-go item of the plan (the template's checklist section, every copy of it), in document order. */
export function goNoGoItems(plan: PlanModel): TaskItem[] {
  return plan.sections.flatMap((s) => (s.template?.role === 'checklist' ? s.tasks : []));
}
import type { Finding, TextEdit } from './types';

/** The preferred fix of every finding that has one, without overlapping edits: what "fix all" applies. */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.isPreferred);
    if (!fix || fix.edits.some((e) => edits.some((other) => overlaps(e, other)))) continue;
    edits.push(...fix.edits);
  }
  return edits;
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

/**
 * The edit that ticks or unticks the go/no-go item on `line`, if that line is still the item `expectedText`
 * (the tree may be older than the document); undefined when it is not.
 */
export function goNoGoEdit(plan: PlanModel, line: number, checked: boolean, expectedText?: string): TextEdit | undefined {
  const task = goNoGoItems(plan).find((t) => t.line === line);
  if (!task || (expectedText !== undefined && task.text !== expectedText)) return undefined;
  return { range: task.boxRange, newText: checked ? '[x]' : '[ ]' };
}
