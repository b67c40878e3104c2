import * as l10n from '@vscode/l10n';
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
        message: l10n.t('"{0}" still lists every option ({1}): keep the one that applies.', field.label, choices.join(' / ')),
        range: left.range,
        sectionId: section.id,
        fixes: choices.map((choice) => ({ title: l10n.t('Choose "{0}"', choice), edits: [{ range: left.range, newText: choice }] })),
      });
    }
  },
};
