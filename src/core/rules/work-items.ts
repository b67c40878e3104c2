import * as l10n from '@vscode/l10n';
import type { PlanModel, Subsection, TemplateField } from '../plan/model';
import { insertLines } from './insert-lines';
import { isSetAside, type FindingInput } from './rule';

/**
 * Shared by phase-incomplete and wave-incomplete: each sub-heading of `kind` must carry the template's
 * fields for that kind, except those `optional` says may be left out.
 */
export function checkWorkItems(plan: PlanModel, kind: string, optional: (field: TemplateField) => boolean, report: (f: FindingInput) => void): void {
  for (const section of plan.sections) {
    if (section.template?.subsectionKind !== kind) continue;
    const required = section.template.subsectionFields.filter((f) => !optional(f));
    for (const sub of section.subsections) {
      if (sub.kind !== kind || isSetAside(sub)) continue;
      const missing = required.filter((f) => !sub.slots.find((slot) => slot.field === f)?.present);
      if (!missing.length) continue;
      const names = missing.map((f) => f.label);
      const line = lastContentLine(plan, sub) + 1;
      const stubs = names.map((n) => `"- ${n}:"`).join(', ');
      // Stub lines go under a sub-heading; a phase written as a list item or a table row is left to the writer.
      const edit = sub.form === 'heading' ? insertLines(plan, line, names.map((n) => `- ${n}:\n`).join('')) : undefined;
      report({
        message: names.length > 1
          ? l10n.t('{0} has no {1}: add {2} with their values.', describe(sub, kind), names.join(', '), stubs)
          : l10n.t('{0} has no {1}: add {2} with its value.', describe(sub, kind), names[0], stubs),
        range: sub.heading.range,
        sectionId: section.id,
        fixes: edit && [{ title: l10n.t('Add {0} to {1}', names.join(', '), describe(sub, kind)), isPreferred: true, edits: [edit] }],
      });
    }
  }
}

function describe(sub: Subsection, kind: string): string {
  const name = kind[0].toUpperCase() + kind.slice(1);
  return sub.heading.number !== undefined ? `${name} ${sub.heading.number}` : `"${sub.heading.title}"`;
}

function lastContentLine(plan: PlanModel, sub: Subsection): number {
  let line = sub.endLine - 1;
  while (line > sub.heading.line && !plan.lines[line].trim()) line--;
  return line;
}
