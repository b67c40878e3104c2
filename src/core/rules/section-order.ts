import * as l10n from '@vscode/l10n';
import { sectionName, templateSections, type Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections are out of the template order.',
  defaultSeverity: 'info',
  check(plan, report) {
    const order = plan.schema.sections.map((s) => s.id);
    let furthest = -1;
    let furthestName = '';
    for (const section of templateSections(plan).filter((s) => !s.secondary)) {
      const index = order.indexOf(section.id!);
      if (index < furthest) {
        report({
          message: l10n.t('Section {0} comes after {1}; the template puts it before: move it up.', sectionName(section.template!), furthestName),
          range: section.heading.range,
          sectionId: section.id,
        });
      } else {
        furthest = index;
        furthestName = sectionName(section.template!);
      }
    }
  },
};
