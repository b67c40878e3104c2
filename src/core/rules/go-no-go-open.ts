import * as l10n from '@vscode/l10n';
import { statusWordFor } from '../plan/checklist';
import type { Rule } from './rule';

export const goNoGoOpen: Rule = {
  id: 'go-no-go-open',
  description: 'A go/no-go item is not checked yet.',
  defaultSeverity: 'info',
  check(plan, report) {
    for (const section of plan.sections) {
      for (const task of section.tasks) {
        if (task.checked) continue;
        // A table row is ticked with its column's own word (`Done`, `✅`); no fix when the words leave it unclear.
        const word = statusWordFor(task, true);
        report({
          message: l10n.t('Go/no-go item not checked yet: "{0}". Tick it once it is true.', task.text),
          range: { start: task.boxRange.start, end: { line: task.line, character: plan.lines[task.line].length } },
          sectionId: section.id,
          fixes: word === undefined ? undefined : [{ title: task.form !== 'checkbox' ? l10n.t('Mark this go/no-go item "{0}"', word) : l10n.t('Check this go/no-go item'), edits: [{ range: task.boxRange, newText: word }] }],
        });
      }
    }
  },
};
