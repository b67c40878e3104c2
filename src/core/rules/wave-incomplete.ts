import type { Rule } from './rule';
import { checkWorkItems } from './work-items';

export const waveIncomplete: Rule = {
  id: 'wave-incomplete',
  description: 'An agent-team wave has no agent or no tasks.',
  defaultSeverity: 'warning',
  check(plan, report) {
    // Dependencies (`Blocks/unblocks`) are worth writing but a wave can stand without them.
    checkWorkItems(plan, 'wave', (field) => field.words.includes('block'), report);
  },
};
