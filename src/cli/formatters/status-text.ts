import * as l10n from '@vscode/l10n';
import type { CheckedFile, LoopRecord } from '../analyze-inputs';
import { planStatuses, reviewCell } from './plan-status';
import { templateNotes } from './text';
import { escapeControlCharacters, lineName } from './terminal-text';

/** An aligned table, one row per plan and per review loop (with a Review column when there is a loop). */
export function formatStatusText(files: CheckedFile[], loops: readonly LoopRecord[] = []): string {
  const statuses = planStatuses(files, loops);
  const notes = templateNotes(files).map((note) => `${note}\n`).join('');
  if (statuses.length === 0) return `${noPlansFound(files.length)}\n${notes}`;
  const review = statuses.some((status) => status.loop);
  const HEADER = [l10n.t('Plan'), l10n.t('Progress'), l10n.t('Go/No-Go'), l10n.t('Verdict'), ...(review ? [l10n.t('Review')] : []), l10n.t('File')];
  const rows = statuses.map((status) => [
    lineName(status.name),
    `${Math.round(status.percent)}%`,
    `${status.goNoGo.checked}/${status.goNoGo.total}`,
    status.goNoGo.verdict,
    ...(review ? [reviewCell(status)] : []),
    escapeControlCharacters(status.path),
  ]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const alignRight = [false, true, true, false, false, false];
  return [HEADER, ...rows]
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : alignRight[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join('  '),
    )
    .map((line) => `${line}\n`)
    .join('') + notes;
}

/** `No connector plans found (3 markdown files looked at).` */
export function noPlansFound(looked: number): string {
  return looked === 1 ? l10n.t('No connector plans found (1 markdown file looked at).') : l10n.t('No connector plans found ({0} markdown files looked at).', looked);
}
