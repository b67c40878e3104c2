import type { RiskEntry } from '../plan/model';
import { insertAt, type Rule } from './rule';
import { findSecrets } from './secret-value';

/** A risk whose line holds a credential is named by its line: messages never echo a secret. */
function namesSecret(lines: string[], risk: RiskEntry): boolean {
  return findSecrets(lines.slice(risk.line, risk.line + 2)).length > 0;
}

export const riskWithoutMitigation: Rule = {
  id: 'risk-without-mitigation',
  description: 'A risk has no mitigation.',
  defaultSeverity: 'warning',
  check(plan, report) {
    for (const section of plan.sections) {
      for (const risk of section.risks) {
        if (!risk.hasText || risk.hasMitigation) continue;
        const name = namesSecret(plan.lines, risk) ? `The risk on line ${risk.line + 1}` : risk.name;
        const stub = risk.emptyMitigationLine;
        report({
          message: stub !== undefined
            ? `${name} has an empty Mitigation line (${stub + 1}): write what you will do about it.`
            : `${name} has no mitigation: add "Mitigation:" with what you will do about it.`,
          range: risk.range,
          sectionId: section.id,
          // A stub already there needs words, not another stub.
          fixes: risk.stubAt && stub === undefined
            ? [{ title: 'Add a Mitigation: line', isPreferred: true, edits: [insertAt(risk.stubAt.line, `${risk.stubAt.indent}- Mitigation: \n`)] }]
            : undefined,
        });
      }
    }
  },
};
