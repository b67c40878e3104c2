import * as l10n from '@vscode/l10n';
import type { RiskEntry } from '../plan/model';
import { insertLines } from './insert-lines';
import type { Rule } from './rule';
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
      // A team template's risks section that names no mitigation asks for none.
      if (section.template?.asksMitigation === false) continue;
      for (const risk of section.risks) {
        if (!risk.hasText || risk.hasMitigation) continue;
        const secret = namesSecret(plan.lines, risk);
        const stub = risk.emptyMitigationLine;
        // A stub already there needs words, not another stub.
        const edit = risk.stubAt && stub === undefined ? insertLines(plan, risk.stubAt.line, `${risk.stubAt.indent}- Mitigation: \n`) : undefined;
        report({
          message: stub !== undefined
            ? secret
              ? l10n.t('The risk on line {0} has an empty Mitigation line ({1}): write what you will do about it.', risk.line + 1, stub + 1)
              : l10n.t('{0} has an empty Mitigation line ({1}): write what you will do about it.', risk.name, stub + 1)
            : secret
              ? l10n.t('The risk on line {0} has no mitigation: add "Mitigation:" with what you will do about it.', risk.line + 1)
              : l10n.t('{0} has no mitigation: add "Mitigation:" with what you will do about it.', risk.name),
          range: risk.range,
          sectionId: section.id,
          fixes: edit && [{ title: l10n.t('Add a Mitigation: line'), isPreferred: true, edits: [edit] }],
        });
      }
    }
  },
};
