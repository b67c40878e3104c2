import type { CheckedFile } from '../analyze-inputs';
import { planStatuses } from './plan-status';

const HEADER = ['Plan', 'Progress', 'Go/No-Go', 'Verdict', 'File'];

/** An aligned table, one row per plan. */
export function formatStatusText(files: CheckedFile[]): string {
  const statuses = planStatuses(files);
  if (statuses.length === 0) return `No connector plans found (${files.length} markdown ${files.length === 1 ? 'file' : 'files'} looked at).\n`;
  const rows = statuses.map((status) => [
    status.name,
    `${Math.round(status.percent)}%`,
    `${status.goNoGo.checked}/${status.goNoGo.total}`,
    status.goNoGo.verdict,
    status.path,
  ]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const alignRight = [false, true, true, false, false];
  return [HEADER, ...rows]
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : alignRight[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join('  '),
    )
    .map((line) => `${line}\n`)
    .join('');
}
