import { chosenValue, isOptionList } from '../plan/choices';
import { templateFields, type Rule } from './rule';

export const unchosenOption: Rule = {
  id: 'unchosen-option',
  description: "The template's option list is left as is, with no choice made.",
  defaultSeverity: 'warning',
  check(plan, report) {
    for (const { field, section } of templateFields(plan)) {
      const choices = field.template?.choices;
      if (!choices || !isOptionList(field.value, choices)) continue;
      const below = plan.lines.slice(field.line + 1, field.endLine).join(' ');
      if (chosenValue(below, choices)) continue;
      report({
        message: `"${field.label}" still lists every option (${choices.join(' / ')}): keep the one that applies.`,
        range: field.valueRange,
        sectionId: section.id,
        fixes: choices.map((choice) => ({ title: `Choose "${choice}"`, edits: [{ range: field.valueRange, newText: choice }] })),
      });
    }
  },
};
