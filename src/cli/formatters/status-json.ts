import type { CheckedFile } from '../analyze-inputs';
import { planStatuses } from './plan-status';

/** `{ "plans": [ { path, name, percent, goNoGo: { checked, total, verdict } } ] }`. */
export function formatStatusJson(files: CheckedFile[]): string {
  return `${JSON.stringify({ plans: planStatuses(files) }, null, 2)}\n`;
}
