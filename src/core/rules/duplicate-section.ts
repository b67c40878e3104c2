import * as l10n from '@vscode/l10n';
import type { Section } from '../plan/model';
import { sectionName, type Rule } from './rule';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'The same template section appears twice.',
  defaultSeverity: 'warning',
  check(plan, report) {
    const first = new Map<string, Section>();
    for (const section of plan.sections) {
      if (!section.id) continue;
      const original = first.get(section.id);
      if (!original) {
        first.set(section.id, section);
        continue;
      }
      report({
        message: l10n.t('Section {0} appears a second time (first at line {1}): merge the two into one.', sectionName(section.template!), original.heading.line + 1),
        range: section.heading.range,
        sectionId: section.id,
        related: [{ message: l10n.t('First occurrence'), range: original.heading.range }],
      });
    }
  },
};
