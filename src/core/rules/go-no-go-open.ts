import * as l10n from '@vscode/l10n';
import { statusEdit } from '../plan/status-cell';
import type { Rule } from './rule';

export const goNoGoOpen: Rule = {
  id: 'go-no-go-open',
  description: 'A go/no-go item is not checked yet.',
  defaultSeverity: 'info',
  check(plan, report) {
    for (const section of plan.sections) {
      for (const task of section.tasks) {
        if (task.checked) continue;
        // A table row's status cell gets its column's own done status (`Done`, `✅ Done`); no fix when that is unclear.
        const edit = statusEdit(plan.lines, task, true);
        report({
          message: l10n.t('Go/no-go item not checked yet: "{0}". Tick it once it is true.', task.text),
          range: { start: task.boxRange.start, end: { line: task.line, character: plan.lines[task.line].length } },
          sectionId: section.id,
          fixes: edit && [{ title: task.form !== 'checkbox' ? l10n.t('Mark this go/no-go item "{0}"', edit.newText.trim()) : l10n.t('Check this go/no-go item'), edits: [edit] }],
        });
      }
    }
  },
};
