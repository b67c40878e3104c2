import type { Rule } from './rule';

// The review loop's gate (issue 18): its findings come from the loop the plan belongs to (src/core/loop/gate.ts),
// not from the plan's own text, so `check` never reports anything by itself.

export const openReviewFinding: Rule = {
  id: 'open-review-finding',
  description: 'A finding a review raised in the plan\'s review loop is still open (P1 and P2 at this severity, P3 one step milder).',
  defaultSeverity: 'error',
  scope: 'file',
  loop: true,
  check() {},
};

export const unknownReviewFinding: Rule = {
  id: 'unknown-review-finding',
  description: 'A revision in a review loop answers a finding id that no earlier review raised.',
  defaultSeverity: 'warning',
  loop: true,
  check() {},
};
