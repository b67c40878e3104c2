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
          message: `Section ${sectionName(section.template!)} comes after ${furthestName}; the template puts it before: move it up.`,
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
