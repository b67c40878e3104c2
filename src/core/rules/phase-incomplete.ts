import type { Rule } from './rule';
import { checkWorkItems } from './work-items';

export const phaseIncomplete: Rule = {
  id: 'phase-incomplete',
  description: 'A delivery phase (not deferred) has no scope, deliverables or validation tests.',
  defaultSeverity: 'warning',
  check(plan, report) {
    // Phases, and in a team's template any other kind of numbered step (`Stage 2`); waves have a rule of their own.
    const kinds = new Set(plan.schema.sections.map((s) => s.subsectionKind).filter((k): k is string => Boolean(k) && k !== 'wave'));
    for (const kind of kinds) checkWorkItems(plan, kind, () => false, report);
  },
};
