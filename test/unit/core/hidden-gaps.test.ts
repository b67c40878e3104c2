import assert from 'node:assert/strict';
import { analyzePlan } from '../../../src/core';
import { GOOD_PLAN, lines, withSection } from './plan-text';

const progressOf = (text: string, id: string) => {
  const section = analyzePlan(text).progress!.sections.find((s) => s.id === id)!;
  return `${section.filled}/${section.total} ${section.status}`;
};
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
const risksFound = (text: string) => analyzePlan(text).findings.filter((f) => f.ruleId === 'risk-without-mitigation').map((f) => `${f.range.start.line + 1} ${f.message}`);

describe('gaps that stay visible', () => {
  describe('risks grouped under sub-headings of G', () => {
    it('checks each risk under `### Technical risks`, not the sub-heading as one risk', () => {
      const plan = withSection(GOOD_PLAN, 'G', lines(
        '## G) Risks + Mitigations',
        '### Technical risks',
        '- Risk 1: rate limits during backfill.',
        '- Risk 2: token expiry.',
        '- Mitigation: none needed for the rest',
        '',
        '### Business risks',
        '- Partner churn',
        '  - Mitigation: quarterly review',
      ));
      assert.deepEqual(risksFound(plan), [
        `${lineOf(plan, '- Risk 1:')} Risk 1 "rate limits during backfill." has no mitigation: add "Mitigation:" with what you will do about it.`,
      ]);
      assert.equal(progressOf(plan, 'G'), '2/3 partial');
    });

    it('finds two unmitigated risks under one group heading', () => {
      const plan = withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', '### Technical risks', '- Risk 1: rate limits during backfill.', '- Risk 2: token expiry.'));
      assert.deepEqual(risksFound(plan).map((f) => f.split(' ')[0]), [String(lineOf(plan, '- Risk 1:')), String(lineOf(plan, '- Risk 2:'))]);
      assert.equal(progressOf(plan, 'G'), '0/2 empty');
    });

    it('reads the risks of a group heading written one level up from their own sub-headings', () => {
      const plan = withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', '### Technical risks', '#### Rate limits', 'Backfill hits the hourly cap.', '', '#### Token expiry', 'Tokens expire after 90 days.', '', 'Mitigation: rotate monthly.'));
      assert.deepEqual(risksFound(plan).map((f) => f.split(' ')[0]), [String(lineOf(plan, '#### Rate limits'))]);
      assert.equal(progressOf(plan, 'G'), '1/2 partial');
    });

    it('still reads one risk per sub-heading when each names a risk', () => {
      const plan = withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', '### Risk 1: Rate limits', '- Likelihood: high', '- Mitigation: backoff', '', '### Risk 2: Token expiry', '- Likelihood: low'));
      assert.deepEqual(risksFound(plan).map((f) => f.split(' ')[0]), [String(lineOf(plan, '### Risk 2'))]);
      assert.equal(progressOf(plan, 'G'), '1/2 partial');
    });
  });

  describe('empty labels nested under a field', () => {
    it('do not fill the field: E stays 0/12 when each phase holds only empty labels', () => {
      const phases = [1, 2, 3, 4].flatMap((n) => [`### Phase ${n}: Part ${n}`, '- Scope:', '  - In:', '  - Out:', '- Deliverables:', '  - Code:', '- Validation tests:', '']);
      const plan = withSection(GOOD_PLAN, 'E', lines('## E) Delivery Phases', ...phases));
      assert.equal(progressOf(plan, 'E'), '0/12 empty');
      const empty = analyzePlan(plan).findings.filter((f) => f.ruleId === 'empty-field').map((f) => plan.split('\n')[f.range.start.line].trim());
      assert.deepEqual(empty.slice(0, 6), ['- Scope:', '- In:', '- Out:', '- Deliverables:', '- Code:', '- Validation tests:']);
    });

    it('fill it once one of them has words', () => {
      const plan = withSection(GOOD_PLAN, 'A', lines('## A) Business Goal', '- Why this connector exists:', '  - For sales: partner escalations', '  - For support:', '- Decisions/metrics this should unlock:', '  - Metrics:', '- Success in the next 2-4 weeks: linked issues'));
      assert.equal(progressOf(plan, 'A'), '2/3 partial');
    });
  });
});
