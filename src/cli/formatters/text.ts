import * as l10n from '@vscode/l10n';
import type { Severity } from '../../core';
import type { CheckedFile } from '../analyze-inputs';
import { oneBased } from './positions';
import { escapeControlCharacters, linePath } from './terminal-text';

export interface TextOptions {
  /** Only errors were kept: the summary counts errors only. */
  quiet: boolean;
  unreadable: number;
}

/** `path:line:col severity rule-id message` per finding, then one summary line. */
export function formatText(files: CheckedFile[], options: TextOptions): string {
  const lines = files.flatMap(({ path, report }) =>
    report.findings.map((finding) => {
      const { line, column } = oneBased(finding.range);
      return `${linePath(path)}:${line}:${column} ${finding.severity} ${finding.ruleId} ${escapeControlCharacters(finding.message)}`;
    }),
  );
  lines.push(...templateNotes(files));
  lines.push(formatSummary(files, options));
  return lines.map((line) => `${line}\n`).join('');
}

/** One line per copy of a template among the files: it was not checked, and how to use it instead. */
export function templateNotes(files: CheckedFile[]): string[] {
  return files.filter((file) => file.report.kind === 'template' && !file.report.configuredTemplate).map(({ path }) => l10n.t('{0}: looks like a template: not checked (to check plans against it, name it in "templates" of .connector-plan.json)', linePath(path)));
}

/** `N plans checked (…): N errors, N warnings, N info`, the last line of the text and GitHub formats. */
export function formatSummary(files: CheckedFile[], options: TextOptions): string {
  const counts = countSeverities(files);
  const plans = files.filter((file) => file.report.isPlan).length;
  const templates = files.filter((file) => file.report.kind === 'template').length;
  const skipped = files.length - plans - templates;
  const notes = [
    ...(templates > 0 ? [templates === 1 ? l10n.t('1 template not checked') : l10n.t('{0} templates not checked', templates)] : []),
    ...(skipped > 0 ? [skipped === 1 ? l10n.t('1 other markdown file skipped') : l10n.t('{0} other markdown files skipped', skipped)] : []),
    ...(options.unreadable > 0 ? [l10n.t('{0} could not be read', options.unreadable)] : []),
  ];
  const errors = counts.error === 1 ? l10n.t('1 error') : l10n.t('{0} errors', counts.error);
  const totals = options.quiet
    ? errors
    : l10n.t({
        message: '{0}, {1}, {2} info',
        args: [errors, counts.warning === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', counts.warning), counts.info],
        comment: ['The counts of a check: "2 errors", "1 warning", then the number of info findings.'],
      });
  const checked = notes.length > 0
    ? plans === 1 ? l10n.t('1 plan checked ({0}): {1}', notes.join(', '), totals) : l10n.t('{0} plans checked ({1}): {2}', plans, notes.join(', '), totals)
    : plans === 1 ? l10n.t('1 plan checked: {0}', totals) : l10n.t('{0} plans checked: {1}', plans, totals);
  return checked;
}

function countSeverities(files: CheckedFile[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of files.flatMap((file) => file.report.findings)) counts[finding.severity]++;
  return counts;
}
