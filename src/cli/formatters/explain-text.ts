import * as l10n from '@vscode/l10n';
import type { ExplainedField, ExplainedSection, ExplainedWorkItem, PlanExplanation } from '../../core';
import { statusWord, withoutTrailingNumber } from '../../core';
import { escapeControlCharacters, linePath } from './terminal-text';

/** The plan's reading as an indented outline: headings, then what each one holds. */
export function formatExplainText(path: string, plan: PlanExplanation): string {
  const shown = linePath(path);
  const team = plan.template === null ? undefined : linePath(plan.template);
  const out: string[] = [
    team
      ? plan.isPlan ? l10n.t('{0}: a plan of the template {1} ({2})', shown, team, plan.why) : l10n.t('{0}: not a plan of the template {1} ({2})', shown, team, plan.why)
      : plan.isPlan ? l10n.t('{0}: a connector plan ({1})', shown, plan.why) : l10n.t('{0}: not a connector plan ({1})', shown, plan.why),
  ];
  if (plan.loop) out.push(loopLine(plan.loop));
  if (!plan.isPlan) return lines(out);
  if (plan.title) out.push(l10n.t('title, line {0}: {1}', plan.title.line, plan.title.text));
  out.push(l10n.t('sections are level-{0} headings ({1})', plan.sectionLevel, '#'.repeat(plan.sectionLevel)));
  if (plan.goNoGo) {
    const { checked, total, verdict, reasons } = plan.goNoGo;
    out.push(reasons.length ? l10n.t('go/no-go: {0}/{1} · {2} ({3})', checked, total, verdict, reasons.join('; ')) : l10n.t('go/no-go: {0}/{1} · {2}', checked, total, verdict));
  }
  for (const section of plan.sections) out.push('', ...sectionLines(section));
  if (plan.references?.length) {
    out.push('', l10n.t('references to the repository:'));
    if (plan.otherRepository) out.push(`  ${l10n.t('none of them is in this repository, or near a file that is: read as a plan of another repository, kept apart from its code (no finding)')}`);
    for (const r of plan.references) {
      const what = r.claim ? l10n.t('line {0}: {1} (the plan says it exists)', r.line, r.text) : l10n.t('line {0}: {1}', r.line, r.text);
      out.push(`  ${what} -> ${resolvedHow(r.how)}${r.matches.length ? `: ${r.matches.join(', ')}` : ''}`);
    }
  }
  return lines(out);
}

function sectionLines(section: ExplainedSection): string[] {
  const heading = l10n.t('line {0}: {1}', section.heading.line, `${'#'.repeat(section.heading.level)} ${section.heading.text}`);
  const out = [section.id ? `${heading}  ->  ${section.id}) ${section.title} (${section.how})` : `${heading}  ->  ${section.how}`];
  if (section.nestedIn !== null) out.push(`  ${l10n.t('written inside the section at line {0}', section.nestedIn)}`);
  if (section.progress) {
    const { filled, total, status, missing } = section.progress;
    const state = `${filled}/${total} ${statusWord(status)}`;
    const gaps = section.gaps === 1 ? l10n.t('{0} (1 gap reported in it)', state) : section.gaps ? l10n.t('{0} ({1} gaps reported in it)', state, section.gaps) : state;
    out.push(`  ${missing.length && status !== 'missing' ? l10n.t('progress: {0}; still to write: {1}', gaps, missing.join('; ')) : l10n.t('progress: {0}', gaps)}`);
  }
  for (const field of section.fields) out.push(...fieldLines(field, '  '));
  for (const link of section.links) {
    out.push(`  ${link.arrow ? l10n.t('link, line {0}: {1}', link.line, link.text) : link.formatChecked ? l10n.t('link, line {0}: {1}  (no arrow)', link.line, link.text) : l10n.t('link, line {0}: {1}  (a description, not format-checked)', link.line, link.text)}`);
  }
  for (const { headerLine, rows, kind } of section.mappings) {
    if (kind === 'rows') out.push(`  ${!rows.length ? l10n.t('table, header at line {0}: 0 rows', headerLine) : rows.length === 1 ? l10n.t('table, header at line {0}: 1 row (lines {1}–{2})', headerLine, rows[0], rows[0]) : l10n.t('table, header at line {0}: {1} rows (lines {2}–{3})', headerLine, rows.length, rows[0], rows[rows.length - 1])}`);
    else out.push(`  ${!rows.length ? l10n.t('mapping table, header at line {0}: 0 rows', headerLine) : rows.length === 1 ? l10n.t('mapping table, header at line {0}: 1 row (lines {1}–{2})', headerLine, rows[0], rows[0]) : l10n.t('mapping table, header at line {0}: {1} rows (lines {2}–{3})', headerLine, rows.length, rows[0], rows[rows.length - 1])}`);
  }
  for (const risk of section.risks) out.push(`  ${risk.mitigation ? l10n.t('risk, line {0}: with a mitigation', risk.line) : l10n.t('risk, line {0}: no mitigation', risk.line)}`);
  for (const work of section.work) {
    out.push(`  ${l10n.t('line {0}: {1}', work.line, work.heading)}  ->  ${workState(work)}`);
    for (const slot of work.slots) {
      const value = slot.total !== undefined ? l10n.t('{0}/{1} ticked', slot.done ?? 0, slot.total) : !slot.present ? l10n.t('not written') : slot.filled ? l10n.t('filled') : l10n.t('empty');
      out.push(`    ${slot.line !== null ? l10n.t('{0}: {1} (line {2})', slot.field, value, slot.line) : `${slot.field}: ${value}`}`);
    }
    for (const item of work.items) {
      const box = `[${item.checked ? 'x' : ' '}]`;
      out.push(`    ${work.kind === 'phase' ? l10n.t('{0} line {1}: {2}  (a gate of this phase, not counted in the go/no-go)', box, item.line, item.text) : l10n.t('{0} line {1}: {2}', box, item.line, item.text)}`);
    }
  }
  for (const item of section.goNoGo) {
    const box = `[${item.checked ? 'x' : ' '}]`;
    out.push(`  ${item.form === 'table' ? l10n.t('go/no-go {0} line {1}: {2}  (table row)', box, item.line, item.text) : item.form === 'mark' ? l10n.t('go/no-go {0} line {1}: {2}  (status mark)', box, item.line, item.text) : l10n.t('go/no-go {0} line {1}: {2}', box, item.line, item.text)}`);
  }
  return out;
}

/** `phase 2, a list item, deferred, owes nothing`: the kind and number are the template's words, the status the plan's. */
function workState(work: ExplainedWorkItem): string {
  if (!work.kind) return l10n.t('not a phase or wave');
  const parts = [work.number !== null ? `${work.kind} ${work.number}` : work.kind];
  if (work.form === 'item') parts.push(l10n.t('a list item'));
  if (work.form === 'toggle') parts.push(l10n.t('a toggle'));
  if (work.form === 'row') parts.push(l10n.t('a table row'));
  if (work.status) parts.push(work.status);
  if (work.owesNothing) parts.push(l10n.t('owes nothing'));
  return parts.join(', ');
}

function fieldLines(field: ExplainedField, indent: string): string[] {
  const span = field.lines[0] === field.lines[1] ? l10n.t('line {0}', field.line) : l10n.t('lines {0}–{1}', field.lines[0], field.lines[1]);
  const same = field.template && field.template.toLowerCase() === withoutTrailingNumber(field.label.toLowerCase(), false);
  const state = { filled: l10n.t('filled'), empty: l10n.t('EMPTY'), placeholder: l10n.t('still the placeholder'), unchosen: l10n.t('option list, none chosen') }[field.state];
  const kinds: Record<ExplainedField['kind'], string> = {
    item: l10n.t({ message: 'item', comment: ['How a field is written: a list item.'] }),
    paragraph: l10n.t({ message: 'paragraph', comment: ['How a field is written: a paragraph.'] }),
    heading: l10n.t({ message: 'heading', comment: ['How a field is written: a heading.'] }),
    'table-row': l10n.t({ message: 'table-row', comment: ['How a field is written: a table row.'] }),
  };
  const kind = kinds[field.kind];
  const line = !field.template
    ? l10n.t('field "{0}" (not a template field), {1}: {2}, {3}', field.label, kind, state, span)
    : same
      ? l10n.t('field "{0}", {1}: {2}, {3}', field.label, kind, state, span)
      : l10n.t('field "{0}" = "{1}", {2}: {3}, {4}', field.label, field.template, kind, state, span);
  return [`${indent}${line}`, ...field.children.flatMap((child) => fieldLines(child, `${indent}  `))];
}

function lines(out: string[]): string {
  return out.map((line) => `${escapeControlCharacters(line)}\n`).join('');
}

/** How a reference resolved, in words (`explain`'s `how`: root, plan-folder, tail, pattern, folder, mentioned, outside, missing). */
function resolvedHow(how: string): string {
  switch (how) {
    case 'root': return l10n.t('exists from the repository root');
    case 'plan-folder': return l10n.t("exists from the plan's folder");
    case 'tail': return l10n.t('the end of a repository path');
    case 'pattern': return l10n.t('a pattern, matched by');
    case 'folder': return l10n.t('a folder of the repository');
    case 'mentioned': return l10n.t('named by a file of the repository');
    case 'outside': return l10n.t('not kept in a repository (a module, an endpoint or a file of secrets)');
    default: return l10n.t('not in the repository');
  }
}

/** The review loop a round belongs to; a final plan that only points to a round says which file stands for the loop. */
function loopLine(loop: NonNullable<PlanExplanation['loop']>): string {
  const record = loop.planOfRecord === null ? undefined : linePath(loop.planOfRecord);
  if (loop.finalStub && record) return l10n.t({ message: 'a final plan that points to an earlier round: the plan of record of the review loop {0} is {1}', args: [loop.name, record], comment: ['{0} is the review loop\'s name, {1} a file path.'] });
  return record
    ? l10n.t({ message: 'a round of the review loop {0} (stage {1}); its plan of record is {2}', args: [loop.name, loop.stage, record], comment: ['{0} is the review loop\'s name, {1} its stage (proposal, in review, revised, final: kept in English), {2} a file path.'] })
    : l10n.t({ message: 'a round of the review loop {0} (stage {1}); it has no plan of record yet', args: [loop.name, loop.stage], comment: ['{0} is the review loop\'s name, {1} its stage (proposal, in review, revised, final: kept in English).'] });
}
