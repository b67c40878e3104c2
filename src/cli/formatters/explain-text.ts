import type { ExplainedField, ExplainedSection, PlanExplanation } from '../../core';

/** The plan's reading as an indented outline: headings, then what each one holds. */
export function formatExplainText(path: string, plan: PlanExplanation): string {
  const out: string[] = [`${path}: ${plan.isPlan ? 'a connector plan' : 'not a connector plan'} (${plan.why})`];
  if (!plan.isPlan) return lines(out);
  if (plan.title) out.push(`title, line ${plan.title.line}: ${plan.title.text}`);
  out.push(`sections are level-${plan.sectionLevel} headings (${'#'.repeat(plan.sectionLevel)})`);
  if (plan.goNoGo) out.push(`go/no-go: ${plan.goNoGo.checked}/${plan.goNoGo.total} · ${plan.goNoGo.verdict}${plan.goNoGo.reasons.length ? ` (${plan.goNoGo.reasons.join('; ')})` : ''}`);
  for (const section of plan.sections) out.push('', ...sectionLines(section));
  return lines(out);
}

function sectionLines(section: ExplainedSection): string[] {
  const heading = `line ${section.heading.line}: ${'#'.repeat(section.heading.level)} ${section.heading.text}`;
  const out = [section.id ? `${heading}  ->  ${section.id}) ${section.title} (${section.how})` : `${heading}  ->  ${section.how}`];
  if (section.nestedIn !== null) out.push(`  written inside the section at line ${section.nestedIn}`);
  if (section.progress) {
    const { filled, total, status, missing } = section.progress;
    const gaps = section.gaps ? ` (${section.gaps} gap${section.gaps > 1 ? 's' : ''} reported in it)` : '';
    out.push(`  progress: ${filled}/${total} ${status}${gaps}${missing.length && status !== 'missing' ? `; still to write: ${missing.join('; ')}` : ''}`);
  }
  for (const field of section.fields) out.push(...fieldLines(field, '  '));
  for (const link of section.links) out.push(`  link, line ${link.line}: ${link.text}${link.arrow ? '' : link.formatChecked ? '  (no arrow)' : '  (a description, not format-checked)'}`);
  for (const { headerLine, rows } of section.mappings) out.push(`  mapping table, header at line ${headerLine}: ${rows.length} row${rows.length === 1 ? '' : 's'}${rows.length ? ` (lines ${rows[0]}–${rows[rows.length - 1]})` : ''}`);
  for (const risk of section.risks) out.push(`  risk, line ${risk.line}: ${risk.mitigation ? 'with a mitigation' : 'no mitigation'}`);
  for (const work of section.work) {
    const form = { heading: '', item: ', a list item', toggle: ', a toggle', row: ', a table row' }[work.form];
    const state = work.kind ? `${work.kind}${work.number !== null ? ` ${work.number}` : ''}${form}${work.status ? `, ${work.status}` : ''}${work.owesNothing ? ', owes nothing' : ''}` : 'not a phase or wave';
    out.push(`  line ${work.line}: ${work.heading}  ->  ${state}`);
    for (const slot of work.slots) {
      const where = slot.line !== null ? ` (line ${slot.line})` : '';
      const value = slot.total !== undefined ? `${slot.done}/${slot.total} ticked` : !slot.present ? 'not written' : slot.filled ? 'filled' : 'empty';
      out.push(`    ${slot.field}: ${value}${where}`);
    }
    for (const item of work.items) out.push(`    [${item.checked ? 'x' : ' '}] line ${item.line}: ${item.text}${work.kind === 'phase' ? '  (a gate of this phase, not counted in the go/no-go)' : ''}`);
  }
  for (const item of section.goNoGo) out.push(`  go/no-go [${item.checked ? 'x' : ' '}] line ${item.line}: ${item.text}${item.form === 'table' ? '  (table row)' : item.form === 'mark' ? '  (status mark)' : ''}`);
  return out;
}

function fieldLines(field: ExplainedField, indent: string): string[] {
  const span = field.lines[0] === field.lines[1] ? `line ${field.line}` : `lines ${field.lines[0]}–${field.lines[1]}`;
  const same = field.template && field.template.toLowerCase() === field.label.toLowerCase().replace(/\s*#?\d+$/, '');
  const template = field.template ? (same ? '' : ` = "${field.template}"`) : ' (not a template field)';
  const state = { filled: 'filled', empty: 'EMPTY', placeholder: 'still the placeholder', unchosen: 'option list, none chosen' }[field.state];
  return [`${indent}field "${field.label}"${template}, ${field.kind}: ${state}, ${span}`, ...field.children.flatMap((child) => fieldLines(child, `${indent}  `))];
}

function lines(out: string[]): string {
  return out.map((line) => `${line}\n`).join('');
}
