import { insertAt, type Rule } from './rule';

export const riskWithoutMitigation: Rule = {
  id: 'risk-without-mitigation',
  description: 'A risk has no mitigation.',
  defaultSeverity: 'warning',
  check(plan, report) {
    for (const section of plan.sections) {
      for (const risk of section.risks) {
        if (!risk.hasText || risk.hasMitigation) continue;
        report({
          message: 'This risk has no mitigation: add "Mitigation:" with what you will do about it.',
          range: risk.range,
          sectionId: section.id,
          fixes: risk.stubAt
            ? [{ title: 'Add a Mitigation: line', isPreferred: true, edits: [insertAt(risk.stubAt.line, `${risk.stubAt.indent}- Mitigation: \n`)] }]
            : undefined,
        });
      }
    }
  },
};
