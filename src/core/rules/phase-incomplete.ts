import type { Rule } from './rule';
import { checkWorkItems } from './work-items';

export const phaseIncomplete: Rule = {
  id: 'phase-incomplete',
  description: 'A delivery phase (not deferred) has no scope, deliverables or validation tests.',
  defaultSeverity: 'warning',
  check(plan, report) {
    checkWorkItems(plan, 'phase', () => false, report);
  },
};
