import type { GoNoGoStatus } from '../../core';
import type { CheckedFile } from '../analyze-inputs';

export interface PlanStatus {
  path: string;
  /** The connector name from the title, else the file name. */
  name: string;
  percent: number;
  goNoGo: Pick<GoNoGoStatus, 'checked' | 'total' | 'verdict'>;
}

/** One row per plan; files that are not plans have no status. */
export function planStatuses(files: CheckedFile[]): PlanStatus[] {
  return files
    .filter((file) => file.report.isPlan)
    .map(({ path, report }) => ({
      path,
      name: report.connectorName || path.slice(path.lastIndexOf('/') + 1),
      percent: report.progress?.percent ?? 0,
      goNoGo: {
        checked: report.progress?.goNoGo.checked ?? 0,
        total: report.progress?.goNoGo.total ?? 0,
        verdict: report.progress?.goNoGo.verdict ?? 'NO-GO',
      },
    }));
}
