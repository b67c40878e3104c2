import type { Severity } from '../../core';
import type { CheckedFile } from '../analyze-inputs';
import { oneBased } from './positions';

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
      return `${path}:${line}:${column} ${finding.severity} ${finding.ruleId} ${finding.message}`;
    }),
  );
  lines.push(formatSummary(files, options));
  return lines.map((line) => `${line}\n`).join('');
}

/** `N plans checked (…): N errors, N warnings, N info`, the last line of the text and GitHub formats. */
export function formatSummary(files: CheckedFile[], options: TextOptions): string {
  const counts = countSeverities(files);
  const plans = files.filter((file) => file.report.isPlan).length;
  const skipped = files.length - plans;
  const notes = [
    ...(skipped > 0 ? [`${plural(skipped, 'other markdown file')} skipped`] : []),
    ...(options.unreadable > 0 ? [`${options.unreadable} could not be read`] : []),
  ];
  const totals = options.quiet
    ? plural(counts.error, 'error')
    : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
  return `${plural(plans, 'plan')} checked${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${totals}`;
}

function countSeverities(files: CheckedFile[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of files.flatMap((file) => file.report.findings)) counts[finding.severity]++;
  return counts;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
