import type { CheckedFile, LoopRecord } from '../analyze-inputs';
import { planStatuses } from './plan-status';

/** `{ "plans": [ { path, name, percent, goNoGo: { checked, total, verdict }, loop? } ] }`. */
export function formatStatusJson(files: CheckedFile[], loops: readonly LoopRecord[] = []): string {
  return `${JSON.stringify({ plans: planStatuses(files, loops) }, null, 2)}\n`;
}
