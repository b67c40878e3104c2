import * as l10n from '@vscode/l10n';
import type { PlanModel } from '../plan/model';
import { insertLines } from './insert-lines';
import { sectionName, templateSections, type Rule } from './rule';

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'A section of the template (A–J) is absent.',
  defaultSeverity: 'error',
  scope: 'file',
  check(plan, report) {
    const present = templateSections(plan, { includeNested: true });
    const order = plan.schema.sections;
    const anchor = plan.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: plan.lines[0]?.length ?? 0 } };
    order.forEach((template, index) => {
      if (present.some((s) => s.id === template.id)) return;
      const line = insertionLine(plan, index);
      const before = line > 0 && plan.lines[line - 1]?.trim() ? '\n' : '';
      const edit = insertLines(plan, line, `${before}${atLevel(template.skeleton, plan.sectionLevel)}\n\n`);
      report({
        message: l10n.t('Section {0} is missing: add its heading and fields from the template.', sectionName(template)),
        range: anchor,
        sectionId: template.id,
        fixes: edit && [{ title: l10n.t('Insert section {0}', sectionName(template)), isPreferred: true, edits: [edit] }],
      });
    });
  },
};

/** After the closest earlier template section, else before the closest later one, else at the end. */
function insertionLine(plan: PlanModel, index: number): number {
  const present = templateSections(plan);
  const order = plan.schema.sections.map((s) => s.id);
  const earlier = present.filter((s) => order.indexOf(s.id!) < index);
  if (earlier.length) return earlier[earlier.length - 1].endLine;
  const later = present.find((s) => order.indexOf(s.id!) > index);
  if (later) return later.startLine;
  return plan.lines.length;
}

/** The skeleton with its headings moved to the plan's section level (`### F)` and `#### Wave 1` among `###` sections). */
function atLevel(skeleton: string, level: number): string {
  const rows = skeleton.split('\n');
  const own = /^#{1,6}(?=[ \t])/.exec(rows[0])?.[0].length;
  if (!own || own === level) return skeleton;
  let fence = '';
  return rows
    .map((row) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(row)?.[1];
      if (marker && (!fence || marker.startsWith(fence))) fence = fence ? '' : marker;
      const hashes = fence || marker ? undefined : /^#{1,6}(?=[ \t])/.exec(row)?.[0].length;
      return hashes ? '#'.repeat(Math.min(6, Math.max(1, hashes + level - own))) + row.slice(hashes) : row;
    })
    .join('\n');
}
