import * as l10n from '@vscode/l10n';
import { acceptedValues, chosenValue, isOptionList, isPlaceholderOnly } from '../plan/choices';
import { hasText, plainText } from '../markdown/inline';
import type { Range } from '../types';
import { templateFields, type FindingInput, type Rule } from './rule';

export const invalidChoice: Rule = {
  id: 'invalid-choice',
  description: 'A pull mode, cardinality or enforced-in value is outside the allowed set.',
  defaultSeverity: 'warning',
  check(plan, report) {
    for (const { field, section } of templateFields(plan)) {
      const choices = field.template?.choices;
      if (!choices || isOptionList(field.value, choices)) continue;
      let value = field.value;
      let range = field.valueRange;
      if (!hasText(value) && field.endLine > field.line + 1) {
        const next = plan.lines[field.line + 1];
        value = next.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '');
        range = { start: { line: field.line + 1, character: next.length - value.length }, end: { line: field.line + 1, character: next.length } };
      }
      const finding = check(field.label, value, choices, range);
      if (finding) report({ ...finding, sectionId: section.id });
    }
    for (const section of plan.sections) {
      if (!section.template) continue;
      for (const table of section.mappings) for (const row of table.rows) {
        table.columnMap.forEach((columnIndex, i) => {
          const column = columnIndex === undefined ? undefined : section.template!.columns[columnIndex];
          const cell = row.cells[i];
          if (!column?.choices || !cell) return;
          const finding = check(column.title, cell.text, column.choices, cell.range);
          if (finding) report({ ...finding, sectionId: section.id });
        });
      }
    }
  },
};

function check(name: string, value: string, choices: string[], range: Range): FindingInput | undefined {
  if (!hasText(value) || isPlaceholderOnly(value) || /^[-—–]+$|^n\/?a$/i.test(plainText(value)) || chosenValue(value, choices)) return undefined;
  const accepted = acceptedValues(choices);
  return {
    message: choices.every((c) => /^[0-9nm*]+:[0-9nm*]+$/i.test(c))
      ? l10n.t({ message: '{0} "{1}" is not a cardinality: write {2} (a note in parentheses may follow).', args: [name, plainText(value), accepted.join(', ')], comment: ['{0} is a field label or column title, {1} the value written, {2} the allowed values.'] })
      : l10n.t({ message: '{0} "{1}" is not one of {2}: write one of those (a note in parentheses may follow).', args: [name, plainText(value), accepted.join(', ')], comment: ['{0} is a field label or column title, {1} the value written, {2} the allowed values.'] }),
    range,
    fixes: accepted.map((choice) => ({ title: l10n.t('Use "{0}"', choice), edits: [{ range, newText: choice }] })),
  };
}
