import * as l10n from '@vscode/l10n';
import { loopStatus, planStatus, type PlanStatus, type ReviewLoop } from '../../core';
import type { CheckedFile, LoopRecord } from '../analyze-inputs';

export type { PlanStatus };

/**
 * One row per plan; files that are not plans have no status. A review loop has one row, where its first file is,
 * and its rounds none of their own.
 */
export function planStatuses(files: CheckedFile[], loops: readonly LoopRecord[] = []): PlanStatus[] {
  const shown = new Set<ReviewLoop>();
  const records = new Map(loops.map((l) => [l.loop, l.record]));
  return files.flatMap(({ path, report, loop }) => {
    if (!loop) return planStatus(path, report) ?? [];
    if (shown.has(loop)) return [];
    shown.add(loop);
    return [loopStatus(loop, records.get(loop))];
  });
}

/** What the Review column says of a loop's row (`final · 1 open P1/P2`); '' for a single plan. Stages stay as the JSON has them. */
export function reviewCell(status: PlanStatus): string {
  if (!status.loop) return '';
  const { stage, open } = status.loop;
  return l10n.t({ message: '{0} · {1} open P1/P2', args: [stage, open.P1 + open.P2], comment: ['A review loop in the status table: its stage (proposal, in review, revised, final: kept in English), then how many P1 and P2 findings are still open.'] });
}
