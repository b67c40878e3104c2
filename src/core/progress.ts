import * as l10n from '@vscode/l10n';
import { hasText, plainText } from './markdown/inline';
import { goNoGoItems } from './edits';
import { isFieldFilled } from './plan/field-state';
import { allFields } from './plan/fields';
import { ARROW } from './plan/links';
import { missingFixedRows } from './plan/fixed-rows';
import { hasPlaceholder } from './plan/placeholders';
import type { PlanModel, Section, TemplateSection } from './plan/model';
import { isSetAside } from './rules/rule';
import type { Finding, GoNoGoReasonKind, GoNoGoStatus, PlanProgress, SectionProgress, SectionStatus } from './types';

/** What a section owes and has: each slot is one thing the template asks for, filled or not. */
interface Tally {
  filled: number;
  total: number;
  /** The slots still open: their names in words a person reads, and the count when there are several. */
  missing: { name: string; filled: number; total: number }[];
}

/** Per-section filled/total, overall percent and the go/no-go verdict. */
export function computeProgress(plan: PlanModel, findings: Finding[]): PlanProgress {
  const sections = plan.schema.sections.map((template): SectionProgress => {
    const section = plan.sections.find((s) => s.id === template.id);
    if (!section) return { id: template.id, title: template.title, filled: 0, total: emptyTotal(template), status: 'missing', missing: [l10n.t('the whole section')] };
    const tally = sectionTally(plan, section, template);
    // Any finding in the section, an info one too, keeps it from showing complete.
    const gaps = findings.filter((f) => f.sectionId === template.id).length;
    const filled = Math.min(tally.filled, tally.total);
    let status: SectionStatus = filled >= tally.total && !gaps ? 'complete' : filled === 0 ? 'empty' : 'partial';
    if (status === 'empty' && gaps && filled > 0) status = 'partial';
    // `risks with a mitigation (1/3)` under a section at 1/3 would say the count twice.
    const single = tally.missing.length === 1 && tally.missing[0].filled === filled && tally.missing[0].total === tally.total;
    const missing = tally.missing.map((m) => (m.total > 1 && !single ? `${m.name} (${m.filled}/${m.total})` : m.name));
    return { id: template.id, title: template.title, filled, total: tally.total, status, missing };
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

function add(tally: Tally, filled: number, total: number, name: string): void {
  tally.filled += Math.min(filled, total);
  tally.total += total;
  if (filled < total) tally.missing.push({ name, filled, total });
}

/** The template's own fields of the section: written with a label at any depth, or mentioned without one. */
function countFields(plan: PlanModel, section: Section, template: TemplateSection, tally: Tally): void {
  const written = allFields(section.fields);
  for (const tf of template.fields) {
    const matches = written.filter((f) => f.template === tf);
    if (tf.series) {
      const entries = matches.length || section.unlabelledEntries;
      const n = Math.max(1, entries);
      // An open series reads as its first entry (`Q1`, `Link 1`), as the template writes it.
      add(tally, matches.length ? matches.filter((f) => isFieldFilled(plan, f)).length : entries, n, entries ? tf.label : `${tf.label}${tf.label.length > 2 ? ' ' : ''}1`);
    } else {
      add(tally, matches.some((f) => isFieldFilled(plan, f)) || (!matches.length && section.mentioned.includes(tf)) ? 1 : 0, 1, tf.label);
    }
  }
}

function sectionTally(plan: PlanModel, section: Section, template: TemplateSection): Tally {
  const tally: Tally = { filled: 0, total: 0, missing: [] };
  switch (template.role) {
    case 'links': {
      const links = section.links;
      const good = links.filter((l) => hasText(l.text) && !hasPlaceholder(l.text) && (ARROW.test(l.text) || !l.checkFormat)).length;
      add(tally, good, Math.max(1, links.length), links.length ? l10n.t('links with an `external -> internal` shape') : l10n.t('links'));
      break;
    }
    case 'risks': {
      const risks = section.risks;
      if (template.asksMitigation === false) add(tally, risks.filter((r) => r.hasText).length, Math.max(1, risks.length), l10n.t('risks'));
      else add(tally, risks.filter((r) => r.hasText && r.hasMitigation).length, Math.max(1, risks.length), risks.length ? l10n.t('risks with a mitigation') : l10n.t('risks'));
      break;
    }
    case 'mapping': {
      countFields(plan, section, template, tally);
      const rows = section.mappings.flatMap((table) => table.rows.map((row) => ({ row, table })));
      const good = rows.filter(({ row, table }) => table.columnMap.every((c, i) => c === undefined || (hasText(row.cells[i]?.text ?? '') && !hasPlaceholder(row.cells[i].text)))).length;
      // A row the template names and the plan leaves out is one more row to write.
      const absent = missingFixedRows(section).length;
      if (template.isMapping === false) add(tally, good, Math.max(1, rows.length + absent), rows.length ? l10n.t('complete table rows') : l10n.t('table rows'));
      else add(tally, good, Math.max(1, rows.length + absent), rows.length ? l10n.t('complete mapping rows') : l10n.t('mapping rows'));
      break;
    }
    case 'work': {
      countFields(plan, section, template, tally);
      const subs = section.subsections.filter((s) => s.kind);
      if (!subs.length) add(tally, 0, emptyTotal(template), `${template.subsectionKind ?? 'part'}s`);
      for (const sub of subs) {
        const name = plainText(sub.heading.title) || plainText(sub.heading.text);
        const setAside = isSetAside(sub);
        for (const slot of sub.slots) {
          if (setAside) add(tally, slot.total ?? 1, slot.total ?? 1, '');
          else if (slot.total !== undefined) add(tally, slot.done ?? 0, slot.total, l10n.t({ message: '{0}: {1} done', args: [name, slot.field.label], comment: ['A phase or wave, then its field whose tasks are not all done: "Phase 1: Tasks done".'] }));
          else add(tally, slot.filled ? 1 : 0, 1, `${name}: ${slot.field.label}`);
        }
      }
      break;
    }
    case 'checklist': {
      const tasks = section.tasks;
      add(tally, tasks.filter((t) => t.checked).length, Math.max(1, tasks.length), tasks.length ? l10n.t('go/no-go items checked') : l10n.t('go/no-go items'));
      break;
    }
    default:
      countFields(plan, section, template, tally);
      break;
  }
  return tally;
}

function goNoGo(plan: PlanModel, findings: Finding[]): GoNoGoStatus {
  const tasks = goNoGoItems(plan);
  const checked = tasks.filter((t) => t.checked).length;
  const reasons: string[] = [];
  const reasonKinds: GoNoGoReasonKind[] = [];
  const because = (kind: GoNoGoReasonKind, text: string) => {
    reasons.push(text);
    reasonKinds.push(kind);
  };
  const open = tasks.length - checked;
  if (!tasks.length) because('no-checklist', l10n.t('no go/no-go checklist'));
  else if (open === 1) because('unchecked', l10n.t('1 of {0} go/no-go items unchecked', tasks.length));
  else if (open > 1) because('unchecked', l10n.t('{0} of {1} go/no-go items unchecked', open, tasks.length));
  const errors = findings.filter((f) => f.severity === 'error');
  const rules = [...new Set(errors.map((e) => e.ruleId))].join(', ');
  if (errors.length === 1) because('errors', l10n.t('1 error remains ({0})', rules));
  else if (errors.length > 1) because('errors', l10n.t('{0} errors remain ({1})', errors.length, rules));
  return { checked, total: tasks.length, verdict: reasons.length ? 'NO-GO' : 'GO', reasons, reasonKinds };
}
