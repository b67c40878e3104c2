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
          ? `Placeholder {${hit.inner}} is still here: pick one of ${choices.join(', ')}.`
          : `Placeholder {${hit.inner}} is still here: replace it with the real ${hit.inner}.`,
        range,
        fixes: choices.map((choice) => ({ title: `Use "${choice}"`, edits: [{ range, newText: choice }] })),
      });
    }
  },
};
