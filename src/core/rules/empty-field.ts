import * as l10n from '@vscode/l10n';
import { templateFields, type Rule } from './rule';

export const emptyField: Rule = {
  id: 'empty-field',
  description: 'A field has no value anywhere under its label.',
  defaultSeverity: 'warning',
  check(plan, report) {
    // An empty `Mitigation:` under a risk is risk-without-mitigation's to report: one stub, one gap.
    const mitigationStubs = new Set(plan.sections.flatMap((s) => s.risks.flatMap((r) => (r.emptyMitigationLine === undefined ? [] : [r.emptyMitigationLine]))));
    for (const { field, section } of templateFields(plan)) {
      if (field.hasValue || mitigationStubs.has(field.line)) continue;
      const example = field.template?.guidance && !/[{}]/.test(field.template.guidance) ? field.template.guidance : undefined;
      report({
        message: example
          ? l10n.t('"{0}" is empty: write its value after the label or on the lines under it (for example: {1}).', field.label, example)
          : l10n.t('"{0}" is empty: write its value after the label or on the lines under it.', field.label),
        range: field.labelRange,
        sectionId: section.id,
      });
    }
  },
};
