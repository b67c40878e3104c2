import { unchosenOptions } from '../plan/field-state';
import { templateFields, type Rule } from './rule';

export const unchosenOption: Rule = {
  id: 'unchosen-option',
  description: "The template's option list is left as is, with no choice made.",
  defaultSeverity: 'warning',
  templateText: true,
  check(plan, report) {
    for (const { field, section } of templateFields(plan)) {
      const left = unchosenOptions(plan, field);
      if (!left) continue;
      const choices = field.template!.choices!;
      report({
        message: `"${field.label}" still lists every option (${choices.join(' / ')}): keep the one that applies.`,
        range: left.range,
        sectionId: section.id,
        fixes: choices.map((choice) => ({ title: `Choose "${choice}"`, edits: [{ range: left.range, newText: choice }] })),
      });
    }
  },
};
