import * as l10n from '@vscode/l10n';
import { acceptedValues, placeholderChoices } from '../plan/choices';
import { findPlaceholders } from '../plan/placeholders';
import type { Rule } from './rule';

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  description: 'A template placeholder `{…}` is left in the text.',
  defaultSeverity: 'warning',
  templateText: true,
  check(plan, report) {
    for (const hit of findPlaceholders(plan)) {
      const range = { start: { line: hit.line, character: hit.start }, end: { line: hit.line, character: hit.end } };
      const choices = acceptedValues(placeholderChoices(hit.inner));
      report({
        message: choices.length
          ? l10n.t({ message: 'Placeholder {0} is still here: pick one of {1}.', args: [`{${hit.inner}}`, choices.join(', ')], comment: ['{0} is the placeholder as the template writes it, braces included: {Owner}.'] })
          : l10n.t({ message: 'Placeholder {0} is still here: replace it with the real {1}.', args: [`{${hit.inner}}`, hit.inner], comment: ['{0} is the placeholder with its braces ({Owner}), {1} the same words without them.'] }),
        range,
        fixes: choices.map((choice) => ({ title: l10n.t('Use "{0}"', choice), edits: [{ range, newText: choice }] })),
      });
    }
  },
};
