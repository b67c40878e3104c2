import { templateFields, type Rule } from './rule';

export const emptyField: Rule = {
  id: 'empty-field',
  description: 'A field has no value anywhere under its label.',
  defaultSeverity: 'warning',
  check(plan, report) {
    for (const { field, section } of templateFields(plan)) {
      if (field.hasValue) continue;
      const hint = field.template?.guidance && !/[{}]/.test(field.template.guidance) ? ` (for example: ${field.template.guidance})` : '';
      report({
        message: `"${field.label}" is empty: write its value after the label or on the lines under it${hint}.`,
        range: field.labelRange,
        sectionId: section.id,
      });
    }
  },
};
