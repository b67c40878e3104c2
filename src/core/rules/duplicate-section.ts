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
        message: `Section ${sectionName(section.template!)} appears a second time (first at line ${original.heading.line + 1}): merge the two into one.`,
        range: section.heading.range,
        sectionId: section.id,
        related: [{ message: 'First occurrence', range: original.heading.range }],
      });
    }
  },
};
