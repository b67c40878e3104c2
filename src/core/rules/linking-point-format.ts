import * as l10n from '@vscode/l10n';
import { plainText } from '../markdown/inline';
import { hasPlaceholder } from '../plan/placeholders';
import { ARROW } from '../plan/links';
import type { Rule } from './rule';


export const linkingPointFormat: Rule = {
  id: 'linking-point-format',
  description: 'A linking point does not have an `external -> internal` shape.',
  defaultSeverity: 'warning',
  check(plan, report) {
    for (const section of plan.sections) {
      for (const link of section.links) {
        const text = plainText(link.text);
        if (!link.checkFormat || !text || hasPlaceholder(link.text) || ARROW.test(link.text)) continue;
        report({
          message: l10n.t('Linking point "{0}" has no "external -> internal" shape: write it as `external field -> internal entity + key`.', text),
          range: link.range,
          sectionId: section.id,
        });
      }
    }
  },
};
