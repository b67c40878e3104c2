import { planStatus, type PlanStatus } from '../../core';
import type { CheckedFile } from '../analyze-inputs';

export type { PlanStatus };

/** One row per plan; files that are not plans have no status. */
export function planStatuses(files: CheckedFile[]): PlanStatus[] {
  return files.flatMap(({ path, report }) => planStatus(path, report) ?? []);
}
