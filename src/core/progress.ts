import { hasText } from './markdown/inline';
import { goNoGoItems } from './edits';
import { isFieldFilled } from './plan/field-state';
import { hasPlaceholder } from './plan/placeholders';
import type { Field, PlanModel, Section, TemplateSection } from './plan/model';
import { isSetAside } from './rules/rule';
import type { Finding, GoNoGoStatus, PlanProgress, SectionProgress, SectionStatus } from './types';

const ARROW = /->|→|=>|⇒/;

/** Per-section filled/total, overall percent and the go/no-go verdict. */
export function computeProgress(plan: PlanModel, findings: Finding[]): PlanProgress {
  const sections = plan.schema.sections.map((template) => {
    const section = plan.sections.find((s) => s.id === template.id);
    return section ? sectionProgress(plan, section, template) : { id: template.id, title: template.title, filled: 0, total: emptyTotal(template), status: 'missing' as SectionStatus };
  });
  const filled = sections.reduce((n, s) => n + s.filled, 0);
  const total = sections.reduce((n, s) => n + s.total, 0);
  return { percent: total ? Math.floor((100 * filled) / total) : 0, sections, goNoGo: goNoGo(plan, findings) };
}

function emptyTotal(template: TemplateSection): number {
  switch (template.role) {
    case 'work':
      return template.subsections.length * template.subsectionFields.length;
    case 'checklist':
      return template.checklist.length;
    case 'mapping':
      return 1 + template.fields.length;
    default:
      return template.fields.length;
  }
}

function countFields(plan: PlanModel, section: Section, template: TemplateSection): [number, number] {
  const isFilled = (field: Field) => isFieldFilled(plan, field);
  let filled = 0;
  let total = 0;
  for (const tf of template.fields) {
    const matches = section.fields.filter((f) => f.template === tf);
    const n = tf.series ? Math.max(1, matches.length) : 1;
    total += n;
    filled += Math.min(n, matches.filter(isFilled).length);
  }
  return [filled, total];
}

function sectionProgress(plan: PlanModel, section: Section, template: TemplateSection): SectionProgress {
  let [filled, total] = template.role === 'links' || template.role === 'risks' ? [0, 0] : countFields(plan, section, template);
  switch (template.role) {
    case 'links':
      total = Math.max(1, section.links.length);
      filled = section.links.filter((l) => hasText(l.text) && !hasPlaceholder(l.text) && ARROW.test(l.text)).length;
      break;
    case 'risks':
      total = Math.max(1, section.risks.length);
      filled = section.risks.filter((r) => r.hasText && r.hasMitigation).length;
      break;
    case 'mapping': {
      const rows = section.mapping?.rows ?? [];
      total += Math.max(1, rows.length);
      filled += rows.filter((r) => section.mapping!.columnMap.every((c, i) => c === undefined || (hasText(r.cells[i]?.text ?? '') && !hasPlaceholder(r.cells[i].text)))).length;
      break;
    }
    case 'work': {
      const subs = section.subsections.filter((s) => s.kind);
      if (!subs.length) total += emptyTotal(template);
      for (const sub of subs) {
        total += template.subsectionFields.length;
        if (isSetAside(sub)) filled += template.subsectionFields.length;
        else filled += template.subsectionFields.filter((tf) => sub.fields.some((f) => f.template === tf && isFieldFilled(plan, f))).length;
      }
      break;
    }
    case 'checklist':
      total = Math.max(1, section.tasks.length);
      filled = section.tasks.filter((t) => t.checked).length;
      break;
    default:
      break;
  }
  const status: SectionStatus = total > 0 && filled >= total ? 'complete' : filled === 0 ? 'empty' : 'partial';
  return { id: template.id, title: template.title, filled: Math.min(filled, total), total, status };
}

function goNoGo(plan: PlanModel, findings: Finding[]): GoNoGoStatus {
  const tasks = goNoGoItems(plan);
  const checked = tasks.filter((t) => t.checked).length;
  const reasons: string[] = [];
  if (!tasks.length) reasons.push('no go/no-go checklist');
  else if (checked < tasks.length) reasons.push(`${tasks.length - checked} of ${tasks.length} go/no-go items unchecked`);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) reasons.push(`${errors.length} error${errors.length > 1 ? 's' : ''} remain (${[...new Set(errors.map((e) => e.ruleId))].join(', ')})`);
  return { checked, total: tasks.length, verdict: reasons.length ? 'NO-GO' : 'GO', reasons };
}
